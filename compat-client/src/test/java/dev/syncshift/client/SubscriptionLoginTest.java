package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A login that switches the identity while {@code subscribe()} still waits for the service's acknowledgement: the
 * subscription follows the new identity, as those opened before the login do. The move of the subscriptions did not
 * see one still being opened, which then listened to the guest identity for good, its connection (signed as the new
 * identity) refused and made again for as long as the manager lived.
 */
@ExtendWith(EmulatorsExtension.class)
class SubscriptionLoginTest {

    @Test
    void aSubscriptionBeingOpenedWhenALoginSwitchesTheIdentityFollowsTheNewIdentity(Emulators emulators)
            throws Exception {
        Map<String, String> carol = Map.of("login.compat", "carol-subscribing");
        try (TcpProxy proxy = TcpProxy.start(emulators.graphql(), Duration.ZERO);
                CognitoSyncManager hers = emulators.device(Backend.APPSYNC).logins(carol).build();
                CognitoSyncManager device = emulators.device(Backend.APPSYNC)
                        .appSyncRealtimeEndpoint(proxy.uri(emulators.appSync().realtimeEndpoint())).build()) {
            Dataset herPrefs = hers.openOrCreateDataset("prefs");
            herPrefs.put("color", "white");
            sync(herPrefs);
            Dataset prefs = device.openOrCreateDataset("prefs");
            sync(prefs);
            String guest = device.getIdentityId();
            ChangeWatcher watcher = new ChangeWatcher();

            proxy.muteAfterHandshake(1); // the first real-time connection never acknowledges
            CompletableFuture<Void> subscribed = CompletableFuture.runAsync(() -> prefs.subscribe(watcher));
            assertThat(proxy.awaitConnections(1, Duration.ofSeconds(10))).as("subscribe() connected").isTrue();
            device.setLogins(carol);
            sync(prefs);
            assertThat(device.getIdentityId()).isEqualTo(hers.getIdentityId()).isNotEqualTo(guest);
            subscribed.get(30, TimeUnit.SECONDS);

            herPrefs.put("color", "red");
            sync(herPrefs);

            assertThat(watcher.awaitValue("color", "red", Duration.ofSeconds(20)))
                    .as("her change, heard after the login (synchronizes failed: %d)", watcher.failures()).isTrue();
            prefs.unsubscribe();
        }
    }
}
