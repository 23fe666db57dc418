package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A device whose clock is wrong by more than a signature may be off: 15 minutes on Cognito Sync, 5 on AppSync (so 10
 * minutes off passes on one and not the other). The AWS SDK corrects for that on Cognito Sync (it learns the service's
 * time from the answer that refused the signature, and signs again), so an app that synchronized there must not stop
 * working on AppSync: the AppSync remote does the same, for requests and for its subscriptions.
 */
@ExtendWith(EmulatorsExtension.class)
class ClockSkewTest {

    private static final String REALTIME = "dev.syncshift.client.remote.appsync.RealtimeConnection";

    @ParameterizedTest
    @ValueSource(longs = {-40, 10, 40})
    void aDeviceWhoseClockIsMinutesOffSynchronizesAndHearsOfChanges(long minutes, Emulators emulators)
            throws InterruptedException {
        Clock wrong = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes));
        try (CognitoSyncManager device = emulators.device(Backend.APPSYNC).clock(wrong).build();
                CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(device.getIdentityId())
                        .build()) {
            Dataset mine = device.openOrCreateDataset("clock");
            mine.put("color", "red");
            sync(mine);
            Dataset theirs = other.openOrCreateDataset("clock");
            sync(theirs);
            ChangeWatcher watcher = new ChangeWatcher();
            mine.subscribe(watcher);

            theirs.put("color", "blue");
            sync(theirs);

            assertThat(theirs.getRecord("color").getSyncCount()).isEqualTo(2);
            assertThat(watcher.awaitValue("color", "blue", Duration.ofSeconds(15)))
                    .as("the subscription; synchronizes failed: %d", watcher.failures()).isTrue();
            mine.unsubscribe();
        }
    }

    /** A subscription made before any request: its refused connection is what shows the clock is off. */
    @Test
    void aSubscriptionMadeFirstByADeviceWhoseClockIsOffIsMadeAgainWithTheServicesTime(Emulators emulators)
            throws InterruptedException {
        Clock wrong = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-40));
        try (CognitoSyncManager device = emulators.device(Backend.APPSYNC).clock(wrong).build();
                CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(device.getIdentityId())
                        .build()) {
            Dataset mine = device.openOrCreateDataset("first");
            ChangeWatcher watcher = new ChangeWatcher();
            mine.subscribe(watcher);

            Dataset theirs = other.openOrCreateDataset("first");
            theirs.put("color", "green");
            sync(theirs);

            assertThat(watcher.awaitValue("color", "green", Duration.ofSeconds(15)))
                    .as("the subscription; synchronizes failed: %d", watcher.failures()).isTrue();
            mine.unsubscribe();
        }
    }

    /**
     * The device's clock goes 40 minutes back while its real-time connection is open: the next subscription's
     * {@code start}, signed with that time, is refused for it alone ({@code error}: "Signature expired"), and sent
     * again signed anew, with AppSync's time, on the same connection, which acknowledges it; a change then arrives.
     */
    @Test
    void aSubscriptionStartedAfterTheClockWentBackOnAnOpenConnectionIsSignedAgainWithTheServicesTime(
            Emulators emulators) throws InterruptedException {
        MutableClock clock = new MutableClock(Instant.now());
        try (RelayedDevices devices = new RelayedDevices(emulators, device -> device.clock(clock));
                StandardError log = StandardError.capture()) {
            devices.listening.openOrCreateDataset("open").subscribe(new ChangeWatcher());
            clock.advance(Duration.ofMinutes(-40));
            Dataset mine = devices.listening.openOrCreateDataset("later");
            ChangeWatcher watcher = new ChangeWatcher();
            mine.subscribe(watcher);
            log.awaitLines(REALTIME, "starting the subscription to dataset later of "
                    + devices.listening.getIdentityId() + " succeeded", 1);

            Dataset theirs = devices.writing.openOrCreateDataset("later");
            theirs.put("color", "green");
            sync(theirs);

            assertThat(watcher.awaitValue("color", "green", Duration.ofSeconds(15)))
                    .as("the subscription; synchronizes failed: %d; log:%n%s", watcher.failures(), log.text()).isTrue();
            assertThat(log.lines("WARN", REALTIME)).as("log:%n%s", log.text()).singleElement().asString()
                    .contains("starting the subscription to dataset later").contains("Signature expired");
            assertThat(devices.proxy.connections()).as("connections").isEqualTo(1);
            devices.listening.unsubscribeAll();
        }
    }
}
