package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.RecordKey;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager following another manager's login when the cache file cannot be written: another process holds the
 * file's write lock for longer than the cache's busy timeout (5 s), so the write of the move fails with SQLITE_BUSY.
 * The {@link DeviceIdentity} of one manager on a real cache file, whose credentials never call the service here.
 */
class SharedFollowFailureTest {

    static final IdentityPoolId POOL = SharedFollowTest.POOL;
    static final IdentityId GUEST = SharedFollowTest.GUEST;
    static final IdentityId USER = SharedFollowTest.USER;

    @TempDir
    Path dir;

    /** The credentials keep the identity the device keeps (the move failed), not the one they were to take. */
    @Test
    void aFailedFollowLeavesTheCredentialsAndTheDeviceOnOneIdentity() throws SQLException {
        try (SqliteLocalCache file = open()) {
            Follower follower = afterTheLoginElsewhere(file);

            followWhileTheFileIsLocked(follower);

            assertThat(follower.credentials().knownIdentityId()).as("the credentials' identity")
                    .isEqualTo(follower.device().localIdentity());
        }
    }

    /**
     * The next synchronize follows the login again and moves the edit the app made under the identity left after the
     * other manager's login, which would otherwise stay where the app (now the signed-in user) never sees it.
     */
    @Test
    void aFailedFollowLeavesNoEditBehind() throws SQLException {
        try (SqliteLocalCache file = open()) {
            Follower follower = afterTheLoginElsewhere(file);
            file.putValues(new DatasetKey(GUEST, new DatasetName("prefs")), Map.of(new RecordKey("late"), "x"),
                    Instant.now()); // this manager's edit, before it follows
            followWhileTheFileIsLocked(follower);

            follower.device().followSharedCache(); // the next synchronize

            assertThat(follower.device().localIdentity()).isEqualTo(USER);
            assertThat(file.datasets(GUEST)).as("datasets left under the identity left").isEmpty();
        }
    }

    private SqliteLocalCache open() {
        SqliteLocalCache file = SqliteLocalCache.open(dir.resolve("c.db"));
        file.rememberIdentity(POOL, GUEST);
        return file;
    }

    /** This manager, as GUEST (its device identity and credentials), after the other manager's login as USER. */
    private static Follower afterTheLoginElsewhere(SqliteLocalCache file) {
        AtomicReference<DeviceIdentity> device = new AtomicReference<>();
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(
                Emulators.identityClient(URI.create("http://127.0.0.1:9")), POOL, GUEST, () -> Map.of(),
                Clock.systemUTC(), (old, current, source) -> device.get().changed(old, current, source));
        device.set(new DeviceIdentity(POOL, file, credentials, file.remembered(POOL), () -> { }));
        file.rememberIdentity(POOL, USER); // the other manager's login
        file.changeIdentity(GUEST, USER);
        return new Follower(device.get(), credentials);
    }

    /** {@code follower} follows the login while another process holds the file's write lock, and fails. */
    private void followWhileTheFileIsLocked(Follower follower) throws SQLException {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("c.db"));
                Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            assertThatThrownBy(follower.device()::followSharedCache).isInstanceOf(DataStorageException.class)
                    .hasMessageContaining("SQLITE_BUSY");
            lock.execute("ROLLBACK");
        }
    }

    private record Follower(DeviceIdentity device, CognitoIdentityCredentials credentials) { }
}
