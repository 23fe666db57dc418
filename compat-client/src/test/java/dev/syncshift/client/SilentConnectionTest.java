package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A subscription whose connection goes half-open after it was acknowledged (a phone moving from Wi-Fi to mobile data):
 * the socket stays up and nothing arrives, not even AppSync's keep-alives. The client gives up on it once nothing
 * came for the {@code connectionTimeoutMs} the acknowledgement announced, connects again and catches up. The
 * AppSync emulator here sends keep-alives every 200 ms and announces a timeout of one second.
 */
class SilentConnectionTest {

    private static Emulators emulators;

    @BeforeAll
    static void start() {
        emulators = Emulators.start(cognito -> { }, appSync -> appSync.withRealtimeTimes(Duration.ofMillis(200),
                Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        emulators.close();
    }

    @Test
    void aSubscriptionThatHearsNothingForTheAnnouncedTimeoutConnectsAgainAndCatchesUp() throws InterruptedException {
        try (RelayedDevices devices = new RelayedDevices(emulators, UnaryOperator.identity())) {
            Dataset mine = devices.listening.openOrCreateDataset("quiet");
            ChangeWatcher watcher = new ChangeWatcher();
            mine.subscribe(watcher);

            devices.proxy.muteOpen();
            Dataset theirs = devices.writing.openOrCreateDataset("quiet");
            theirs.put("color", "blue");
            sync(theirs);

            assertThat(watcher.awaitValue("color", "blue", Duration.ofSeconds(15)))
                    .as("the change after the silent connection; synchronizes failed: %d", watcher.failures())
                    .isTrue();
            assertThat(devices.proxy.connections()).as("the silent connection and its replacement").isEqualTo(2);
            mine.unsubscribe();
        }
    }
}
