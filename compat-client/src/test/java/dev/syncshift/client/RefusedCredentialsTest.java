package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Credentials the service refuses while the device still counts them as valid. Their expiry is read on the device's
 * clock, so a clock 70 minutes behind keeps using them for more than an hour after they expired (the service can
 * also revoke them at any time). A synchronize refused for its security token renews the credentials and runs once
 * more. The Cognito emulator here issues credentials that work for two seconds, so that they expire within the test.
 */
class RefusedCredentialsTest {

    private static final String REALTIME = "dev.syncshift.client.remote.appsync.RealtimeConnection";
    private static final Duration LIFETIME = Duration.ofSeconds(2);
    private static Emulators emulators;

    @BeforeAll
    static void start() {
        emulators = Emulators.start(config -> config.credentialLifetime(LIFETIME));
    }

    @AfterAll
    static void stop() {
        emulators.close();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"APPSYNC", "CUTOVER"})
    void aSynchronizeRefusedForExpiredCredentialsRenewsThemAndSucceeds(Backend backend) throws InterruptedException {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-70));
        try (CognitoSyncManager device = emulators.device(backend).clock(behind).build()) {
            Dataset notes = device.openOrCreateDataset("notes");
            notes.put("first", "1");
            sync(notes);
            outlive(Instant.now().plus(LIFETIME));

            notes.put("second", "2");
            sync(notes);

            assertThat(notes.getRecord("second").getSyncCount()).isEqualTo(2);
        }
    }

    /**
     * A subscription whose connection breaks after the credentials expired: the new connection is refused for its
     * token, which makes the subscription synchronize, which renews the credentials; the next connection is
     * accepted, and another device's change arrives.
     */
    @Test
    void aSubscriptionRefusedForExpiredCredentialsGetsThemRenewedAndHearsOfChanges() throws InterruptedException {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-70));
        try (RelayedDevices devices = new RelayedDevices(emulators, device -> device.clock(behind))) {
            Dataset mine = devices.listening.openOrCreateDataset("live");
            ChangeWatcher watcher = new ChangeWatcher();
            mine.subscribe(watcher);
            outlive(Instant.now().plus(LIFETIME));

            devices.proxy.cutAll();
            Dataset theirs = devices.writing.openOrCreateDataset("live");
            theirs.put("color", "red");
            sync(theirs);

            assertThat(watcher.awaitValue("color", "red", Duration.ofSeconds(20)))
                    .as("the change after the renewal; synchronizes failed: %d", watcher.failures()).isTrue();
            mine.unsubscribe();
        }
    }

    /**
     * A subscription started on an open connection after the credentials expired: its {@code start}, signed with
     * them, is refused for its token alone ({@code error}), which makes it synchronize, which renews the credentials;
     * its {@code start} is sent again signed with the renewed ones, on the same connection, which acknowledges it (a
     * {@code start} sent again as it was signed is refused for ever), and another device's change then arrives.
     */
    @Test
    void aSubscriptionStartedWithExpiredCredentialsOnAnOpenConnectionIsSignedAgainWithRenewedOnes()
            throws InterruptedException {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-70));
        try (RelayedDevices devices = new RelayedDevices(emulators, device -> device.clock(behind));
                StandardError log = StandardError.capture()) {
            Dataset open = devices.listening.openOrCreateDataset("open");
            ChangeWatcher opened = new ChangeWatcher();
            open.subscribe(opened);
            Dataset theirsOpen = devices.writing.openOrCreateDataset("open");
            theirsOpen.put("color", "blue");
            sync(theirsOpen);
            assertThat(opened.awaitValue("color", "blue", Duration.ofSeconds(20))).as("the connection").isTrue();
            outlive(Instant.now().plus(LIFETIME)); // the credentials it was accepted with, or renewed since, expired
            int connections = devices.proxy.connections();
            Dataset mine = devices.listening.openOrCreateDataset("later");
            ChangeWatcher watcher = new ChangeWatcher();
            mine.subscribe(watcher);
            log.awaitLines(REALTIME, "starting the subscription to dataset later of "
                    + devices.listening.getIdentityId() + " succeeded", 1); // acknowledged, its refusals over

            Dataset theirs = devices.writing.openOrCreateDataset("later");
            theirs.put("color", "red");
            sync(theirs);

            assertThat(watcher.awaitValue("color", "red", Duration.ofSeconds(20)))
                    .as("the change; synchronizes failed: %d; log:%n%s", watcher.failures(), log.text()).isTrue();
            assertThat(log.lines("WARN", REALTIME)).as("log:%n%s", log.text()).anySatisfy(line -> assertThat(line)
                    .contains("starting the subscription to dataset later").contains("security token"));
            assertThat(devices.proxy.connections()).as("connections").isEqualTo(connections);
            devices.listening.unsubscribeAll();
        }
    }

    /** Returns once {@code deadline} has passed. */
    private static void outlive(Instant deadline) throws InterruptedException {
        while (!Instant.now().isAfter(deadline)) {
            Thread.sleep(Duration.between(Instant.now(), deadline).toMillis() + 1);
        }
    }
}
