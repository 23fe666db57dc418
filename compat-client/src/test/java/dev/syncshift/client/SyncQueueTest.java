package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Synchronizes of one dataset run one at a time with at most one waiting; a further one is refused at once. */
@ExtendWith(EmulatorsExtension.class)
class SyncQueueTest {

    @Test
    void oneRunsOneWaitsAndAThirdIsRefused(Emulators emulators) throws InterruptedException {
        CountDownLatch pushing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        try (CognitoSyncManager device = emulators.device(Backend.COGNITO)
                .remoteStore((wiring, credentials) -> new HookedRemote(wiring.backendRemote(credentials), () -> {
                    if (first.getAndSet(false)) {
                        pushing.countDown();
                        await(release);
                    }
                })).build()) {
            Dataset d = device.openOrCreateDataset("queue");
            d.put("k", "1");
            RecordingCallback running = new RecordingCallback();
            RecordingCallback waiting = new RecordingCallback();
            RecordingCallback refused = new RecordingCallback();

            d.synchronize(running);
            await(pushing);
            d.put("k", "2");
            d.synchronize(waiting);
            d.synchronize(refused);

            assertThat(refused.failed()).hasMessageContaining("already running and another is waiting");
            release.countDown();
            running.succeeded();
            waiting.succeeded();
            assertThat(d.isChanged("k")).isFalse();
            assertThat(d.getLastSyncCount()).isEqualTo(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
