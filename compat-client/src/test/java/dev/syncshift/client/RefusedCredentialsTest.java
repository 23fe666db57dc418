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

    /** Returns once {@code deadline} has passed. */
    private static void outlive(Instant deadline) throws InterruptedException {
        while (!Instant.now().isAfter(deadline)) {
            Thread.sleep(Duration.between(Instant.now(), deadline).toMillis() + 1);
        }
    }
}
