package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.client.spi.LocalCache;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wipeData()} (a logout) in one manager of a cache file that another manager (the app started twice) shares:
 * the other's next synchronize neither pulls the wiped identity's records back into the file nor pushes anything of
 * it; it ends in {@code onFailure} with a {@link DataStorageException} saying the data was wiped, and that manager
 * is left as its own {@code wipeData()} would have left it: no identity, nothing of the wiped one in the file.
 */
@ExtendWith(EmulatorsExtension.class)
class SharedWipeTest {

    @TempDir
    Path dir;

    @Test
    void theOtherManagersNextSynchronizeFailsAndKeepsNothingOfTheWipedIdentity(Emulators emulators) {
        Path file = dir.resolve("cognito_dataset_cache.db");
        String wiped;
        try (CognitoSyncManager first = emulators.device(Backend.COGNITO).cacheFile(file).build()) {
            sync(first.openOrCreateDataset("prefs"));
            wiped = first.getIdentityId();
            try (CognitoSyncManager second = emulators.device(Backend.COGNITO).cacheFile(file).build()) {
                Dataset prefs = second.openOrCreateDataset("prefs");
                prefs.put("synced", "1");
                sync(prefs);
                prefs.put("pending", "2");

                first.wipeData();

                assertThat(prefs.get("synced")).isNull();
                prefs.put("after", "3");
                RecordingCallback callback = new RecordingCallback();
                prefs.synchronize(callback);
                assertThat(callback.failed()).isExactlyInstanceOf(DataStorageException.class)
                        .hasMessageContaining("wiped");
                assertThat(prefs.getAll()).isEmpty();
            }
        }
        try (CognitoSyncManager sameIdentity = emulators.device(Backend.COGNITO).cacheFile(file).identityId(wiped)
                .build()) {
            assertThat(sameIdentity.listDatasets()).as("the wiped identity's data in the file").isEmpty();
        }
        try (CognitoSyncManager service = emulators.device(Backend.COGNITO).identityId(wiped).build()) {
            Dataset prefs = service.openOrCreateDataset("prefs");
            sync(prefs);
            assertThat(prefs.getAll()).isEqualTo(Map.of("synced", "1"));
        }
    }

    /**
     * The wiping manager's next user got an identity before the other manager synchronized again: the other still
     * follows the wipe, and does not take what it put under the logged-out user's identity over to the next user's
     * (as {@code prefs.<wipedId>}, which the next user would see and push).
     */
    @Test
    void aWipeFollowedByTheNextUsersIdentityIsStillAWipe(Emulators emulators) {
        try (CognitoSyncManager first = onTheFile(emulators); CognitoSyncManager second = onTheFile(emulators)) {
            Dataset prefs = syncedPrefs(second);
            String wiped = second.getIdentityId();
            sync(first.openOrCreateDataset("notes"));

            first.wipeData();
            sync(first.openOrCreateDataset("notes"));
            String next = first.getIdentityId();
            prefs.put("after", "3");
            RecordingCallback callback = new RecordingCallback();
            prefs.synchronize(callback);

            assertThat(next).isNotEqualTo(wiped);
            assertThat(callback.failed()).isExactlyInstanceOf(DataStorageException.class)
                    .hasMessageContaining("wiped");
            assertThat(first.listDatasets()).extracting(DatasetMetadata::getDatasetName)
                    .as("the next user's datasets").doesNotContain("prefs." + wiped);
        }
    }
    /**
     * A manager that never learned the device's identity (the other got it first, and it has not synchronized since)
     * wipes that identity's data too: the device has one identity, and a logout in either instance leaves nothing of
     * the user in the file, nor the identity for the next synchronize to take back.
     */
    @Test
    void aWipeBeforeTheManagerLearnedTheDevicesIdentityWipesThatIdentity(Emulators emulators) {
        try (CognitoSyncManager first = onTheFile(emulators); CognitoSyncManager second = onTheFile(emulators)) {
            Dataset prefs = syncedPrefs(second);
            String wiped = second.getIdentityId();

            first.wipeData();

            assertThat(prefs.get("synced")).as("the wiped user's data in the file").isNull();
            sync(first.openOrCreateDataset("notes"));
            assertThat(first.getIdentityId()).as("the identity after the logout").isNotEqualTo(wiped);
        }
    }

    /**
     * Two datasets of the other manager synchronize as it finds the wipe: one wipes and fails, and the app puts
     * before the other, held as it looked at the file, goes on. That one fails as well, but does not wipe again: what
     * the app put after the first failure stays.
     */
    @Test
    void twoDatasetsThatFindTheWipeTogetherWipeOnce(Emulators emulators) {
        Hold hold = new Hold();
        try (CognitoSyncManager first = onTheFile(emulators);
                CognitoSyncManager second = emulators.device(Backend.COGNITO).localCache(hold.cache(dir)).build()) {
            Dataset prefs = syncedPrefs(second);
            Dataset notes = second.openOrCreateDataset("notes");
            first.wipeData();
            hold.armed.set(true);
            RecordingCallback held = new RecordingCallback();
            prefs.synchronize(held);
            Latches.await(hold.looking);

            assertThat(syncFailure(notes)).hasMessageContaining("was wiped too");
            notes.put("after", "3");
            hold.goOn.countDown();

            assertThat(held.failed()).hasMessageContaining("was wiped already").hasMessageNotContaining("wiped too");
            assertThat(notes.get("after")).as("put after the first wipe's onFailure").isEqualTo("3");
        }
    }

    /**
     * A synchronize of the other manager is held as it looks at the file; meanwhile a login moves that manager to
     * another identity and then the first manager wipes: the held synchronize finds the wipe but fails without wiping,
     * and its message says so rather than that the data was wiped.
     */
    @Test
    void aWipeFoundAfterALoginMovedTheManagerIsNotCalledItsWipe(Emulators emulators) {
        String owner = emulators.developerIdentity("wipe-" + dir.getFileName());
        Hold hold = new Hold();
        try (CognitoSyncManager first = onTheFile(emulators);
                CognitoSyncManager second = emulators.device(Backend.COGNITO).localCache(hold.cache(dir)).build()) {
            Dataset prefs = syncedPrefs(second);
            Dataset notes = second.openOrCreateDataset("notes");
            hold.armed.set(true);
            RecordingCallback held = new RecordingCallback();
            prefs.synchronize(held);
            Latches.await(hold.looking);

            second.setLogins(Map.of("login.compat", "wipe-" + dir.getFileName()));
            sync(notes);
            first.wipeData();
            hold.goOn.countDown();

            assertThat(second.getIdentityId()).isEqualTo(owner);
            assertThat(held.failed()).hasMessageContaining("a login moved this manager")
                    .hasMessageContaining("wiped nothing").hasMessageNotContaining("wiped too");
        }
    }

    /**
     * The other manager wipes while this one's synchronize waits for its pull: what the pull brought is not written
     * into the file under the wiped identity, and the synchronize ends in {@code onFailure}.
     */
    @Test
    void aSynchronizeRunningWhenTheOtherManagerWipesKeepsNothingItPulled(Emulators emulators) {
        AtomicReference<CognitoSyncManager> wiping = new AtomicReference<>();
        AtomicBoolean armed = new AtomicBoolean();
        try (CognitoSyncManager first = onTheFile(emulators); CognitoSyncManager second = emulators
                .device(Backend.COGNITO).cacheFile(dir.resolve("cognito_dataset_cache.db"))
                .remoteStore((wiring, credentials) -> new HookedRemote(wiring.cognito(credentials), () -> { }, () -> {
                    if (armed.getAndSet(false)) {
                        wiping.get().wipeData();
                    }
                })).build()) {
            wiping.set(first);
            Dataset prefs = syncedPrefs(second);
            String wiped = second.getIdentityId();
            emulators.writeOnCognito(wiped, "prefs", "elsewhere", "pulled");
            armed.set(true);

            RecordingCallback pulling = new RecordingCallback();
            prefs.synchronize(pulling);

            assertThat(pulling.failed()).hasMessageContaining("wiped");
            try (CognitoSyncManager sameIdentity = emulators.device(Backend.COGNITO)
                    .localCache(SqliteLocalCache.open(dir.resolve("cognito_dataset_cache.db"))).identityId(wiped)
                    .build()) {
                assertThat(sameIdentity.listDatasets()).as("the wiped identity's data in the file").isEmpty();
            }
        }
    }

    /**
     * A manager given the identity the app keeps itself, on a file that remembered none, never took the file's
     * identity: the other manager's wipe of its own identity (the one the file remembers) leaves this one's data and
     * synchronizes alone, as {@code wipeData} leaves other identities' data alone.
     */
    @Test
    void aWipeOfTheOtherManagersIdentityLeavesAManagerGivenItsOwnIdentitySynchronizing(Emulators emulators) {
        String own;
        try (CognitoSyncManager elsewhere = emulators.device(Backend.COGNITO).build()) {
            own = elsewhere.getIdentityId();
        }
        try (CognitoSyncManager keeper = emulators.device(Backend.COGNITO)
                .cacheFile(dir.resolve("cognito_dataset_cache.db")).identityId(own).build();
                CognitoSyncManager other = onTheFile(emulators)) {
            Dataset prefs = syncedPrefs(keeper);
            sync(other.openOrCreateDataset("notes"));
            String wiped = other.getIdentityId();

            other.wipeData();
            prefs.put("after", "3");
            sync(prefs);

            assertThat(wiped).isNotEqualTo(own);
            assertThat(prefs.getAll()).isEqualTo(Map.of("synced", "1", "after", "3"));
            assertThat(prefs.isChanged("after")).as("pushed").isFalse();
        }
    }

    private CognitoSyncManager onTheFile(Emulators emulators) {
        return emulators.device(Backend.COGNITO).cacheFile(dir.resolve("cognito_dataset_cache.db")).build();
    }

    /** Prefs of {@code manager}'s identity, with a value synchronized. */
    private static Dataset syncedPrefs(CognitoSyncManager manager) {
        Dataset prefs = manager.openOrCreateDataset("prefs");
        prefs.put("synced", "1");
        sync(prefs);
        return prefs;
    }

    /** Holds the next look at the file's identity once armed, until the test lets it go on. */
    private static final class Hold {
        final AtomicBoolean armed = new AtomicBoolean();
        final CountDownLatch looking = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);

        /** The cache file in {@code dir}, with this hold. */
        LocalCache cache(Path dir) {
            return new HookedCache(SqliteLocalCache.open(dir.resolve("cognito_dataset_cache.db")), () -> {
                if (armed.compareAndSet(true, false)) {
                    looking.countDown();
                    Latches.await(goOn);
                }
            });
        }
    }
}
