package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.RecordKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager built on a cache file while another manager or process of the file (the app started twice) changes the
 * device's identity there: the change lands after the manager's first look at the file's identity and before its
 * first synchronize (in the app, while the manager builds its Cognito Identity SDK client). No call reaches the
 * service here: the Cognito endpoint is a closed port.
 */
class SharedStartTest {

    static final IdentityPoolId POOL = SharedFollowTest.POOL;
    static final IdentityId USER = SharedFollowTest.USER;
    static final IdentityId NEXT_USER = SharedFollowTest.NEXT_GUEST;

    @TempDir
    Path dir;

    /**
     * The manager found the file empty; the other instance's GetId then remembered USER, USER logs out there and the
     * next user signs in there and edits. This manager's first synchronize follows nothing of the next user: before,
     * as it had no identity, following the wipe of USER wiped the identity the file remembered then, the next user's,
     * edits included, and counted a second wipe, which the other instance then followed, logging the next user out.
     */
    @Test
    void followingAWipeDoesNotWipeTheNextUsersDataForAManagerWithNoIdentityYet() {
        Path path = dir.resolve("cognito_dataset_cache.db");
        try (SqliteLocalCache other = SqliteLocalCache.open(path);
                CognitoSyncManager manager = build(path, () -> other.rememberFirstIdentity(POOL, USER))) {
            assertThat(manager.localIdentity()).as("precondition: no identity yet")
                    .isEqualTo(LocalCache.UNKNOWN_IDENTITY);
            other.wipe(USER); // the user logs out in the other instance
            other.rememberFirstIdentity(POOL, NEXT_USER); // the next user's GetId there
            DatasetKey edit = new DatasetKey(NEXT_USER, new DatasetName("prefs"));
            other.putValues(edit, Map.of(new RecordKey("unsynced"), "x"), Instant.now()); // and an unsynced edit
            long wipes = other.wipes(POOL);

            RecordingCallback callback = new RecordingCallback();
            manager.openOrCreateDataset("notes").synchronize(callback);
            DataStorageException failure = callback.failed();

            assertThat(other.datasets(NEXT_USER)).as("the next user's datasets after this manager's synchronize ("
                    + failure.getMessage() + ")").isNotEmpty();
            assertThat(other.identity(POOL)).as("the identity the file remembers").isEqualTo(Optional.of(NEXT_USER));
            assertThat(other.wipes(POOL)).as("the file's wipes").isEqualTo(wipes);
        }
    }

    /**
     * The manager found USER, the other instance's signed-in user; USER then logs out there and the next user's GetId
     * remembers NEXT_USER there. This manager follows that logout at its first synchronize and puts nothing under USER
     * since: before, its device took USER from its first look and NEXT_USER with the count after the wipe from its
     * second, so it never saw the wipe, went on as USER and wrote the logged-out user's data back into the file.
     */
    @Test
    void aManagerBuiltAcrossALogoutElsewhereDoesNotGoOnAsTheLoggedOutUser() {
        Path path = dir.resolve("cognito_dataset_cache.db");
        try (SqliteLocalCache other = SqliteLocalCache.open(path)) {
            other.rememberFirstIdentity(POOL, USER); // the other instance's signed-in user
            try (CognitoSyncManager manager = build(path, () -> {
                other.wipe(USER); // logout there
                other.rememberFirstIdentity(POOL, NEXT_USER); // next user's GetId there
            })) {
                RecordingCallback callback = new RecordingCallback();
                Dataset notes = manager.openOrCreateDataset("notes");
                notes.synchronize(callback);
                DataStorageException failure = callback.failed();
                notes.put("after", "logout");

                assertThat(other.datasets(USER)).as("the logged-out identity's datasets in the file (the "
                        + "synchronize failed with: " + failure.getMessage() + ")").isEmpty();
                assertThat(failure).hasMessageContaining("wiped");
                assertThat(manager.localIdentity()).isNotEqualTo(USER);
                assertThat(other.identity(POOL)).as("the file's identity").isEqualTo(Optional.of(NEXT_USER));
                assertThat(other.wipes(POOL)).as("the file's wipes (the logout's only)").isEqualTo(1);
            }
        }
    }

    /**
     * A manager on the file at {@code path} built while the other instance does {@code change}: before the second read
     * of the file's identity if building reads it twice, else once built.
     */
    private static CognitoSyncManager build(Path path, Runnable change) {
        AtomicBoolean changed = new AtomicBoolean();
        Runnable once = () -> {
            if (!changed.getAndSet(true)) {
                change.run();
            }
        };
        AtomicInteger reads = new AtomicInteger();
        LocalCache hooked = new HookedCache(SqliteLocalCache.open(path), () -> {
            if (reads.incrementAndGet() == 2) {
                once.run();
            }
        });
        CognitoSyncManager manager = CognitoSyncManager.builder().identityPoolId(POOL.value())
                .cognitoEndpoint(URI.create("http://127.0.0.1:9")).backend(Backend.COGNITO).localCache(hooked)
                .build();
        once.run();
        return manager;
    }
}
