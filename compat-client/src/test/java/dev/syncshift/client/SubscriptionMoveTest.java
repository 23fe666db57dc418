package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A login moves the subscriptions to the new identity, which opens each one again, and opening signs the connection
 * with the new identity's credentials: when they are out of reach at that moment (the app's sign-in library cannot
 * hand over a token), the subscription is opened again later, with backoff, as a broken connection is made again. It
 * ended without a word before: no {@code onFailure}, no retry, no change heard again while the manager lived. The
 * Cognito emulator here issues credentials that work for a minute, so that the device, which renews them five
 * minutes before they expire, asks for them (and for the logins) at every use.
 */
class SubscriptionMoveTest {

    private static Emulators emulators;

    @BeforeAll
    static void start() {
        emulators = Emulators.start(config -> config.credentialLifetime(Duration.ofMinutes(1)));
    }

    @AfterAll
    static void stop() {
        emulators.close();
    }

    @Test
    void aSubscriptionThatCannotBeOpenedForTheNewIdentityAtTheLoginIsOpenedOnceCredentialsAreBack()
            throws InterruptedException {
        Map<String, String> dave = Map.of("login.compat", "dave-moving");
        AtomicInteger tokensLeft = new AtomicInteger(Integer.MAX_VALUE);
        CountDownLatch refused = new CountDownLatch(1);
        try (CognitoSyncManager his = emulators.device(Backend.APPSYNC).logins(dave).build();
                CognitoSyncManager device = emulators.device(Backend.APPSYNC).build()) {
            Dataset hisPrefs = his.openOrCreateDataset("prefs");
            hisPrefs.put("color", "white");
            sync(hisPrefs);
            Dataset prefs = device.openOrCreateDataset("prefs");
            sync(prefs);
            String guest = device.getIdentityId();
            ChangeWatcher watcher = new ChangeWatcher();
            prefs.subscribe(watcher);
            tokensLeft.set(1); // the login's own request for credentials gets the token, the reopening does not
            device.setLoginsProvider(() -> {
                if (tokensLeft.getAndDecrement() <= 0) {
                    refused.countDown();
                    throw new IllegalStateException("the sign-in library is renewing the token");
                }
                return dave;
            });

            assertThatThrownBy(device::refreshDatasetMetadata).isInstanceOf(DataStorageException.class)
                    .hasMessageContaining("changed from " + guest);
            assertThat(refused.await(20, TimeUnit.SECONDS)).as("the reopening asked for the token").isTrue();
            tokensLeft.set(Integer.MAX_VALUE);
            hisPrefs.put("color", "red");
            sync(hisPrefs);

            assertThat(device.getIdentityId()).isEqualTo(his.getIdentityId());
            assertThat(watcher.awaitValue("color", "red", Duration.ofSeconds(20)))
                    .as("his change, heard once the subscription followed the login").isTrue();
            prefs.unsubscribe();
        }
    }
}
