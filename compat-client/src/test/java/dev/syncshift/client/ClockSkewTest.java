package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
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
}
