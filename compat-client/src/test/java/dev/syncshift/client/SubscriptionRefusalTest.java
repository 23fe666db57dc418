package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real-time subscription that AppSync refuses at every attempt, as an outage of the subscription: a warning at the
 * first refusal, not one a retry, and an INFO line at its end. The device's clock is 40 minutes off, so AppSync refuses
 * the real-time connection for its signature's time; the client then asks AppSync's time with a request to
 * {@code /graphql}, which goes through a relay that drops it while the test says so: until then every connection is
 * refused again. A subscription AppSync refuses on a connection that carries others, which it acknowledges, is an
 * outage of that subscription alone.
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
     * AppSync refuses one subscription ({@code error} to its {@code start}) and acknowledges the other on the same
     * connection: the refused one is started again with backoff on that connection, which stays open, so the healthy
     * one keeps hearing changes; one warning, and the refusals that repeat it at DEBUG. The subscription resolver of
     * this API refuses the dataset "refused", as an app's own authorization might.
     */
    @Test
    void aSubscriptionRefusedBesideAnAcknowledgedOneIsStartedAgainWithBackoffOnTheSameConnection(@TempDir Path dir)
            throws InterruptedException {
        try (Emulators emulators = Emulators.start(c -> { }, c -> withTemplate(c, refusingTemplate(dir)));
                TcpProxy realtime = TcpProxy.start(emulators.appSync().realtimeEndpoint(), Duration.ZERO);
                CognitoSyncManager device = emulators.device(Backend.APPSYNC)
                        .appSyncRealtimeEndpoint(realtime.uri(emulators.appSync().realtimeEndpoint())).build();
                CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(device.getIdentityId())
                        .build();
                StandardError log = StandardError.capture()) {
            ChangeWatcher healthy = new ChangeWatcher();
            device.subscribeAll(healthy);
            Dataset refused = device.openOrCreateDataset("refused");
            refused.subscribe(new ChangeWatcher());

            log.awaitLines(REALTIME, "Unauthorized", 4);

            assertThat(realtime.connections()).as("connections, log:%n%s", log.text()).isEqualTo(1);
            assertThat(log.lines("WARN", REALTIME)).as("warnings in:%n%s", log.text()).singleElement().asString()
                    .contains("starting the subscription to dataset refused of " + device.getIdentityId() + " failed");
            assertThat(log.lines("INFO", REALTIME)).as("info lines in:%n%s", log.text()).isEmpty();
            Dataset theirs = other.openOrCreateDataset("known");
            theirs.put("color", "green");
            sync(theirs);
            assertThat(healthy.awaitValue("color", "green", Duration.ofSeconds(5))).as("the healthy one").isTrue();
            refused.unsubscribe();
            log.awaitLine("INFO", REALTIME);
            assertThat(log.lines("INFO", REALTIME)).singleElement().asString().contains("stopped");
            device.unsubscribeAll();
        }
    }

    /** The template with its subscription resolver refusing dataset "refused", in {@code dir}. */
    private static Path refusingTemplate(Path dir) {
        try {
            Path graphql = Path.of("../graphql").toAbsolutePath().normalize();
            try (Stream<Path> files = Files.walk(graphql)) {
                for (Path file : files.toList()) {
                    Path copy = dir.resolve("graphql").resolve(graphql.relativize(file).toString());
                    Files.createDirectories(Files.isDirectory(file) ? copy : copy.getParent());
                    if (!Files.isDirectory(file)) {
                        Files.copy(file, copy);
                    }
                }
            }
            Path resolver = dir.resolve("graphql/resolvers/subscription.js");
            String own = "if (ctx.args.identityId !== ctx.stash.identityId) {";
            String code = Files.readString(resolver);
            assertThat(code).contains(own);
            Files.writeString(resolver, code.replace(own,
                    "if (ctx.args.identityId !== ctx.stash.identityId || ctx.args.datasetName === 'refused') {"));
            Path template = Files.createDirectories(dir.resolve("config")).resolve("syncshift-appsync.yaml");
            return Files.copy(Emulators.TEMPLATE, template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AppSyncEmulatorConfig withTemplate(AppSyncEmulatorConfig c, Path template) {
        return new AppSyncEmulatorConfig(template, c.host(), c.port(), c.credentials(), c.dynamoDbEndpoint(),
                c.region(), c.keepAlive(), c.cognitoEndpoint(), c.faults(), c.connectionTimeout());
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
