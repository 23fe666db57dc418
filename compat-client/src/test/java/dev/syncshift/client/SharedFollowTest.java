package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials.IdentityChange;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.RecordKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager following what another manager of the cache file did, as the other does something more: the
 * {@link DeviceIdentity} of one manager on a real cache file, whose credentials never call the service here. The
 * other manager logged in (the file remembers the user's identity) and logs out again (wipes that identity) just as
 * this one takes that identity from the file.
 */
class SharedFollowTest {

    static final IdentityPoolId POOL = new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000000");
    static final IdentityId GUEST = new IdentityId("us-east-1:0000000a-0000-4000-8000-000000000001");
    static final IdentityId USER = new IdentityId("us-east-1:0000000b-0000-4000-8000-000000000002");
    static final IdentityId NEXT_GUEST = new IdentityId("us-east-1:0000000c-0000-4000-8000-000000000003");

    @TempDir
    Path dir;

    /**
     * The logout comes just as this manager follows the login: that wipe is of the identity this one takes, not of
     * the one it leaves, and this manager follows it (forgets its identity) rather than going on as the logged-out
     * user; its next synchronize goes on with no identity.
     */
    @Test
    void aLogoutElsewhereWhileThisManagerFollowsTheLoginThereIsFollowed() {
        try (SqliteLocalCache file = open()) {
            Follower follower = afterTheLoginElsewhere(file);

            assertThatThrownBy(follower.device()::followSharedCache).hasMessageContaining("wiped");

            assertThat(follower.credentials().knownIdentityId()).as("the credentials' identity").isNull();
            assertThat(follower.device().localIdentity()).isEqualTo(LocalCache.UNKNOWN_IDENTITY);
            follower.device().followSharedCache(); // the next synchronize
        }
    }

    /**
     * The same logout ends the synchronize that follows the login, as one that finds the wipe does, before it calls
     * the service for the identity it leaves (a whole round, pushing edits that following moves and then wipes).
     */
    @Test
    void aRefusedFollowFailsTheSynchronizeThatFoundIt() {
        try (SqliteLocalCache file = open()) {
            DeviceIdentity device = afterTheLoginElsewhere(file).device();

            assertThatThrownBy(device::followSharedCache).isExactlyInstanceOf(DataStorageException.class)
                    .hasMessageContaining("wiped");
        }
    }

    /**
     * A second login there (no wipe) as this manager follows the first: it takes nothing and ends the synchronize,
     * wiping nothing, and its next synchronize follows the second login.
     */
    @Test
    void aSecondLoginElsewhereWhileThisManagerFollowsTheFirstIsFollowedNext() {
        try (SqliteLocalCache file = open()) {
            Follower follower = afterTheLoginElsewhere(file, () -> file.rememberIdentity(POOL, NEXT_GUEST));

            assertThatThrownBy(follower.device()::followSharedCache).hasMessageContaining("moved the device from the "
                    + "identity " + USER + " to another one");
            assertThat(follower.device().localIdentity()).isEqualTo(GUEST);
            follower.device().followSharedCache();

            assertThat(follower.device().localIdentity()).isEqualTo(NEXT_GUEST);
            assertThat(follower.credentials().knownIdentityId()).isEqualTo(NEXT_GUEST);
        }
    }

    /**
     * The same logout forgot the user's identity in the file, and this manager does not remember it there again:
     * the logged-out manager's next GetId (which takes the file's identity first) and any manager built on the file
     * take a new one, and following the logout counts no second wipe.
     */
    @Test
    void aFollowerDoesNotRememberTheLoggedOutIdentityInTheFileAgain() {
        try (SqliteLocalCache file = open()) {
            DeviceIdentity device = afterTheLoginElsewhere(file).device();
            long wipes = file.wipes(POOL);

            assertThatThrownBy(device::followSharedCache).hasMessageContaining("wiped");

            assertThat(file.identity(POOL)).as("the identity the file remembers after the logout").isEmpty();
            assertThat(file.wipes(POOL)).as("the file's wipes once the logout is followed").isEqualTo(wipes + 1);
            assertThat(file.rememberFirstIdentity(POOL, NEXT_GUEST))
                    .as("the identity the logged-out manager takes at its next GetId").isEqualTo(NEXT_GUEST);
        }
    }

    /**
     * The other way a manager takes the file's identity: Cognito refused its own as merged away, and the credentials
     * take the survivor the file remembers (adopt stands in for that learn here, which it shares). The logout comes
     * after the file was read: the manager takes nothing, and its next synchronize follows the wipe.
     */
    @Test
    void aLogoutElsewhereWhileThisManagerTakesTheSurvivorIsFollowed() {
        try (SqliteLocalCache file = open()) {
            Follower follower = afterTheLoginElsewhere(file); // which merged GUEST into USER

            follower.credentials().adopt(USER); // the survivor, having read USER from the file

            assertThat(file.identity(POOL)).as("the identity the file remembers after the logout").isEmpty();
            assertThat(follower.credentials().knownIdentityId()).as("the credentials' identity").isEqualTo(GUEST);
            assertThatThrownBy(follower.device()::followSharedCache).isExactlyInstanceOf(DataStorageException.class)
                    .hasMessageContaining("wiped");
        }
    }

    /**
     * A device with no identity that remembers USER (a manager whose first look at the file found none, and whose
     * second found the other manager's USER) follows the wipe of USER without wiping the identity the file remembers
     * by then, the next user's, and counts no wipe of its own: before, it wiped the next user's edits and counted a
     * second wipe, which the other manager then followed as a logout of the next user.
     */
    @Test
    void followWipeWithNoIdentityWipesOnlyWhatWasWiped() {
        try (SqliteLocalCache file = SqliteLocalCache.open(dir.resolve("c.db"))) {
            file.rememberFirstIdentity(POOL, USER);
            DeviceIdentity device = deviceOn(file, null);
            file.wipe(USER);
            file.rememberFirstIdentity(POOL, NEXT_GUEST);
            file.putValues(new DatasetKey(NEXT_GUEST, new DatasetName("prefs")), Map.of(new RecordKey("u"), "x"),
                    Instant.now());

            assertThatThrownBy(device::followSharedCache).hasMessageContaining("wiped")
                    .hasMessageContaining("held no identity").hasMessageNotContaining("wiped too");

            SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(file.datasets(NEXT_GUEST)).as("the next user's datasets").isNotEmpty();
                soft.assertThat(file.identity(POOL)).as("the file's identity").isEqualTo(Optional.of(NEXT_GUEST));
                soft.assertThat(file.wipes(POOL)).as("the file's wipes (the logout's only)").isEqualTo(1);
            });
        }
    }

    /**
     * The user logs out in the other manager and signs in there again (the file remembers USER again, and the new
     * session writes under it) just as this manager, on USER, follows the logout, before it writes anything: the user's
     * new data stays, and the file remembers USER with the logout's wipe only. Before, following read the file's
     * identity and then wiped USER apart, and a login landing between the two lost its new data (unsynced edits
     * included) to this manager, which also logged USER out of the file again and counted a second wipe.
     */
    @Test
    void aLoginElsewhereAsThisManagerFollowsTheLogoutKeepsTheUsersNewData() {
        try (SqliteLocalCache file = SqliteLocalCache.open(dir.resolve("c.db"))) {
            file.rememberFirstIdentity(POOL, USER);
            DatasetKey edit = new DatasetKey(USER, new DatasetName("prefs"));
            AtomicBoolean signedInAgain = new AtomicBoolean();
            LocalCache hooked = new HookedCache(file, () -> { }, () -> {
                if (!signedInAgain.getAndSet(true)) {
                    file.rememberFirstIdentity(POOL, USER); // the user's GetId there, as the same identity
                    file.putValues(edit, Map.of(new RecordKey("unsynced"), "x"), Instant.now());
                }
            });
            DeviceIdentity device = deviceOn(hooked, USER);
            file.wipe(USER); // the logout there

            Throwable failure = catchThrowable(device::followSharedCache);

            SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(signedInAgain).as("the login there landed").isTrue();
                soft.assertThat(file.datasets(USER)).as("the signed-in-again user's datasets").isNotEmpty();
                soft.assertThat(file.identity(POOL)).as("the file's identity").isEqualTo(Optional.of(USER));
                soft.assertThat(file.wipes(POOL)).as("the file's wipes (the logout's only)").isEqualTo(1);
                soft.assertThat(failure).hasMessageContaining("wiped").hasMessageNotContaining("wiped too");
            });
        }
    }

    /**
     * Another login and logout there (another user's) land as this manager follows the logout of USER, between its
     * read of the file's count of wipes and its write: the write is refused, and following decides again from the
     * file as it is now, wiping what this manager wrote under USER after the logout.
     */
    @Test
    void aWipeElsewhereAsThisManagerFollowsAnotherIsFollowedToo() {
        try (SqliteLocalCache file = SqliteLocalCache.open(dir.resolve("c.db"))) {
            file.rememberFirstIdentity(POOL, USER);
            AtomicBoolean landed = new AtomicBoolean();
            DeviceIdentity device = deviceOn(new HookedCache(file, () -> { }, () -> {
                if (!landed.getAndSet(true)) {
                    file.rememberFirstIdentity(POOL, NEXT_GUEST);
                    file.wipe(NEXT_GUEST);
                }
            }), USER);
            file.wipe(USER); // the logout there
            file.putValues(new DatasetKey(USER, new DatasetName("prefs")), Map.of(new RecordKey("late"), "x"),
                    Instant.now()); // this manager's, written under USER after the logout

            assertThatThrownBy(device::followSharedCache).hasMessageContaining("wiped too");

            assertThat(landed).as("the other login and logout landed").isTrue();
            assertThat(file.datasets(USER)).as("what this manager wrote under USER after the logout").isEmpty();
            assertThat(file.wipes(POOL)).as("the file's wipes (the two logouts')").isEqualTo(2);
        }
    }

    /** A manager's device on {@code cache}, holding {@code identity}, whose credentials never call the service. */
    private static DeviceIdentity deviceOn(LocalCache cache, @Nullable IdentityId identity) {
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(
                Emulators.identityClient(URI.create("http://127.0.0.1:9")), POOL, identity, () -> Map.of(),
                Clock.systemUTC(), (old, current, source) -> true);
        return new DeviceIdentity(POOL, cache, credentials, cache.remembered(POOL), () -> { });
    }

    private SqliteLocalCache open() {
        SqliteLocalCache file = SqliteLocalCache.open(dir.resolve("cognito_dataset_cache.db"));
        file.rememberIdentity(POOL, GUEST);
        return file;
    }

    /**
     * This manager, as GUEST (its device identity and credentials), after the other manager's login as USER, which
     * the other manager logs out as this one's credentials next change, before this one hears of it.
     */
    private static Follower afterTheLoginElsewhere(SqliteLocalCache file) {
        return afterTheLoginElsewhere(file, () -> file.wipe(USER)); // the other manager's wipeData
    }

    /** As above, the other manager doing {@code next} instead of the logout. */
    private static Follower afterTheLoginElsewhere(SqliteLocalCache file, Runnable next) {
        AtomicBoolean loggingOut = new AtomicBoolean();
        AtomicReference<DeviceIdentity> device = new AtomicReference<>();
        IdentityChange changed = (old, current, source) -> {
            if (loggingOut.getAndSet(false)) {
                next.run();
            }
            return device.get().changed(old, current, source);
        };
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(
                Emulators.identityClient(URI.create("http://127.0.0.1:9")), POOL, GUEST, () -> Map.of(),
                Clock.systemUTC(), changed);
        device.set(new DeviceIdentity(POOL, file, credentials, file.remembered(POOL), () -> { }));
        file.rememberIdentity(POOL, USER); // the other manager's login
        loggingOut.set(true);
        return new Follower(device.get(), credentials);
    }

    private record Follower(DeviceIdentity device, CognitoIdentityCredentials credentials) { }
}
