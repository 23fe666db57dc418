package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager following what another manager of the cache file did, as the other does something more: the
 * {@link DeviceIdentity} of one manager on a real cache file, whose credentials never call the service here.
 */
class SharedFollowTest {

    static final IdentityPoolId POOL = new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000000");
    static final IdentityId GUEST = new IdentityId("us-east-1:0000000a-0000-4000-8000-000000000001");
    static final IdentityId USER = new IdentityId("us-east-1:0000000b-0000-4000-8000-000000000002");

    @TempDir
    Path dir;

    /**
     * The other manager logged in (the file remembers the user's identity) and logs out again (wipes that identity)
     * just as this one follows the login: that wipe is of the identity this one takes, not of the one it leaves, and
     * its next synchronize follows it rather than going on as the logged-out user.
     */
    @Test
    void aLogoutElsewhereWhileThisManagerFollowsTheLoginThereIsFollowed() {
        try (SqliteLocalCache file = SqliteLocalCache.open(dir.resolve("cognito_dataset_cache.db"))) {
            file.rememberIdentity(POOL, GUEST);
            AtomicReference<DeviceIdentity> device = new AtomicReference<>();
            AtomicBoolean loggingOut = new AtomicBoolean();
            CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(
                    Emulators.identityClient(URI.create("http://127.0.0.1:9")), POOL, GUEST, () -> Map.of(),
                    Clock.systemUTC(), (old, current) -> {
                        if (loggingOut.getAndSet(false)) {
                            file.wipe(USER); // the other manager's wipeData
                        }
                        device.get().changed(old, current);
                    });
            device.set(new DeviceIdentity(POOL, file, credentials, () -> { }));
            file.rememberIdentity(POOL, USER); // the other manager's login
            loggingOut.set(true);

            device.get().followSharedCache();

            assertThatThrownBy(device.get()::followSharedCache).isExactlyInstanceOf(DataStorageException.class)
                    .hasMessageContaining("wiped");
        }
    }
}
