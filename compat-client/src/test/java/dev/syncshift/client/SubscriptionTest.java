package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Subscriptions over AppSync's real-time WebSocket: another device's change arrives without polling, and after the
 * connection is cut the client reconnects, subscribes again and catches up. B's real-time connection goes through
 * a {@link TcpProxy} so that the test can cut it.
 */
@ExtendWith(EmulatorsExtension.class)
class SubscriptionTest {

    @Test
    void aChangeOnAnotherDeviceArrivesWithinASecondAndAfterACutTheClientCatchesUp(Emulators emulators)
            throws InterruptedException {
        try (TcpProxy proxy = TcpProxy.start(emulators.graphql(), Duration.ZERO);
                CognitoSyncManager a = emulators.device(Backend.APPSYNC).build();
                CognitoSyncManager b = emulators.device(Backend.APPSYNC).identityId(a.getIdentityId())
                        .appSyncRealtimeEndpoint(proxy.uri(emulators.appSync().realtimeEndpoint())).build()) {
            Dataset mine = a.openOrCreateDataset("live");
            mine.put("seed", "1");
            sync(mine);
            Dataset theirs = b.openOrCreateDataset("live");
            sync(theirs);
            ChangeWatcher watcher = new ChangeWatcher();
            theirs.subscribe(watcher);

            mine.put("color", "red");
            sync(mine);
            long pushed = System.nanoTime();

            assertThat(watcher.awaitValue("color", "red", Duration.ofSeconds(1)))
                    .as("red within a second; synchronizes failed: %d", watcher.failures()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - pushed)).isLessThan(Duration.ofSeconds(1));
            assertThat(theirs.get("color")).isEqualTo("red");

            proxy.cutAll();
            mine.put("color", "blue");
            sync(mine);

            assertThat(watcher.awaitValue("color", "blue", Duration.ofSeconds(15)))
                    .as("blue after the cut; synchronizes failed: %d", watcher.failures()).isTrue();
            assertThat(theirs.get("color")).isEqualTo("blue");
            theirs.unsubscribe();
        }
    }

    @Test
    void theCognitoBackendHasNoSubscriptions(Emulators emulators) {
        try (CognitoSyncManager manager = emulators.device(Backend.COGNITO).build()) {
            Dataset d = manager.openOrCreateDataset("x");

            assertThatThrownBy(() -> d.subscribe(new DefaultSyncCallback())).isInstanceOf(IllegalStateException.class);
        }
    }
}
