package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real-time subscription that AppSync refuses at every attempt, as an outage of the subscription: a warning at the
 * first refusal, not one a retry, and an INFO line at its end. The device's clock is 40 minutes off, so AppSync refuses
 * the real-time connection for its signature's time; the client then asks AppSync's time with a request to
 * {@code /graphql}, which goes through a relay that drops it while the test says so: until then every connection is
 * refused again.
 */
@ExtendWith(EmulatorsExtension.class)
class SubscriptionRefusalTest {

    private static final String REALTIME = "dev.syncshift.client.remote.appsync.RealtimeConnection";

    @Test
    void aSubscriptionRefusedAtEveryAttemptIsWarnedOfOnceAndItsEndIsLogged(Emulators emulators)
            throws InterruptedException {
        try (RefusedDevice device = new RefusedDevice(emulators); StandardError log = StandardError.capture()) {
            ChangeWatcher watcher = new ChangeWatcher();
            device.mine.subscribe(watcher);
            assertThat(device.graphql.awaitDropped(4, Duration.ofSeconds(30))).as("refusals").isTrue();

            device.graphql.dropRate(0);
            device.theirs.put("color", "green");
            sync(device.theirs);

            assertThat(watcher.awaitValue("color", "green", Duration.ofSeconds(30))).as("after the refusals")
                    .isTrue();
            assertThat(log.lines("WARN", REALTIME)).as("warnings in:%n%s", log.text()).hasSize(1);
            log.awaitLine("INFO", REALTIME);
            assertThat(log.lines("INFO", REALTIME)).singleElement().asString().contains("failed attempts");
            device.mine.unsubscribe();
        }
    }

    /** Refusals that go on until the app unsubscribes end there, and the log says so. */
    @Test
    void refusalsUntilTheAppUnsubscribesLogTheirEnd(Emulators emulators) throws InterruptedException {
        try (RefusedDevice device = new RefusedDevice(emulators); StandardError log = StandardError.capture()) {
            device.mine.subscribe(new ChangeWatcher());
            assertThat(device.graphql.awaitDropped(2, Duration.ofSeconds(30))).as("refusals").isTrue();
            log.awaitLine("WARN", REALTIME);

            device.mine.unsubscribe();

            log.awaitLine("INFO", REALTIME);
            assertThat(log.lines("INFO", REALTIME)).singleElement().asString().contains("stopped");
            assertThat(log.lines("WARN", REALTIME)).as("warnings in:%n%s", log.text()).hasSize(1);
        }
    }

    /** The warning of a refused first connection does not call it a reconnect: nothing was connected before it. */
    @Test
    void aRefusedFirstConnectionIsWarnedOfAsItsOpening(Emulators emulators) {
        try (RefusedDevice device = new RefusedDevice(emulators); StandardError log = StandardError.capture()) {
            device.mine.subscribe(new ChangeWatcher());

            log.awaitLine("WARN", REALTIME);

            assertThat(log.lines("WARN", REALTIME)).singleElement().asString()
                    .contains("opening the real-time connection for " + device.device.getIdentityId() + " failed")
                    .doesNotContain("reconnecting");
            device.mine.unsubscribe();
        }
    }

    /**
     * A device whose clock is 40 minutes behind and whose {@code /graphql} requests go through a relay dropping every
     * one (its real-time connection goes straight to AppSync), with dataset "refused" open; and another device of the
     * identity, with the dataset open too.
     */
    private static final class RefusedDevice implements AutoCloseable {
        final TcpProxy graphql;
        final CognitoSyncManager device;
        final CognitoSyncManager other;
        final Dataset mine;
        final Dataset theirs;

        RefusedDevice(Emulators emulators) {
            graphql = TcpProxy.start(emulators.graphql(), Duration.ZERO);
            graphql.dropRate(1);
            device = emulators.device(Backend.APPSYNC).clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-40)))
                    .appSyncEndpoint(graphql.uri(emulators.graphql()))
                    .appSyncRealtimeEndpoint(emulators.appSync().realtimeEndpoint()).build();
            other = emulators.device(Backend.APPSYNC).identityId(device.getIdentityId()).build();
            mine = device.openOrCreateDataset("refused");
            theirs = other.openOrCreateDataset("refused");
        }

        @Override
        public void close() {
            other.close();
            device.close();
            graphql.close();
        }
    }
}
