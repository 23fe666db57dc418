package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Synchronizes of one dataset run one at a time with at most one waiting; a further one is refused at once, as is
 * every one once the queue is closed or when the executor rejects it.
 */
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
                        Latches.await(release);
                    }
                })).build()) {
            Dataset d = device.openOrCreateDataset("queue");
            d.put("k", "1");
            RecordingCallback running = new RecordingCallback();
            RecordingCallback waiting = new RecordingCallback();
            RecordingCallback refused = new RecordingCallback();

            d.synchronize(running);
            Latches.await(pushing);
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

    @Test
    void closeCalledByARunningJobDoesNotWaitForItAndLaterJobsAreRefused() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            SyncQueue queue = new SyncQueue(executor);
            CompletableFuture<Boolean> closedInTime = new CompletableFuture<>();
            queue.submit("d", job(() -> {
                try {
                    closedInTime.complete(queue.close(Duration.ofSeconds(30)));
                } catch (InterruptedException e) {
                    closedInTime.completeExceptionally(e);
                }
            }, new CompletableFuture<>()));
            assertThat(closedInTime.get(60, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<DataStorageException> refused = new CompletableFuture<>();
            queue.submit("d", job(() -> refused.completeExceptionally(new AssertionError("ran")), refused));
            assertThat(refused.get(60, TimeUnit.SECONDS)).hasMessage("The CognitoSyncManager is closed");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aJobTheExecutorRejectsIsRefusedAndTheDatasetStaysUsable() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        SyncQueue queue = new SyncQueue(executor);
        CompletableFuture<DataStorageException> first = new CompletableFuture<>();
        CompletableFuture<DataStorageException> second = new CompletableFuture<>();

        queue.submit("d", job(() -> first.completeExceptionally(new AssertionError("ran")), first));
        queue.submit("d", job(() -> second.completeExceptionally(new AssertionError("ran")), second));

        assertThat(first.get(60, TimeUnit.SECONDS)).hasMessageContaining("executor").hasMessageContaining("refused");
        assertThat(second.get(60, TimeUnit.SECONDS)).hasMessageContaining("executor");
        assertThat(queue.close(Duration.ZERO)).isTrue();
    }

    /**
     * A job that can join the waiting one takes its place with what both need: neither is refused, and only the
     * joined job runs once the running one ends. An app's job that comes next is refused as ever.
     */
    @Test
    void aJobThatJoinsTheWaitingOneRunsInItsPlaceAndIsNotRefused() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            SyncQueue queue = new SyncQueue(executor);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> ran = new CompletableFuture<>();
            CompletableFuture<DataStorageException> notRefused = new CompletableFuture<>();
            queue.submit("d", job(() -> Latches.await(release), notRefused));
            queue.submit("d", new Joining("a", ran, notRefused));
            queue.submit("d", new Joining("b", ran, notRefused));
            CompletableFuture<DataStorageException> refused = new CompletableFuture<>();
            queue.submit("d", job(() -> refused.completeExceptionally(new AssertionError("ran")), refused));
            release.countDown();

            assertThat(ran.get(60, TimeUnit.SECONDS)).isEqualTo("a+b");
            assertThat(refused.get(60, TimeUnit.SECONDS)).hasMessageContaining("already running and another");
            assertThat(queue.close(Duration.ofSeconds(30))).isTrue();
            assertThat(notRefused).isNotDone();
        } finally {
            executor.shutdownNow();
        }
    }

    /** A job named {@code what} that joins a waiting one of its kind as {@code <waiting>+<what>}; it reports to ran. */
    private record Joining(String what, CompletableFuture<String> ran, CompletableFuture<DataStorageException> refused)
            implements SyncQueue.Job {
        @Override
        public void run() {
            ran.complete(what);
        }

        @Override
        public void refuse(DataStorageException reason) {
            refused.complete(reason);
        }

        @Override
        public SyncQueue.@Nullable Job joining(SyncQueue.Job waiting) {
            return waiting instanceof Joining other ? new Joining(other.what + "+" + what, ran, refused) : null;
        }
    }

    private static SyncQueue.Job job(Runnable run, CompletableFuture<DataStorageException> refused) {
        return new SyncQueue.Job() {
            @Override
            public void run() {
                run.run();
            }

            @Override
            public void refuse(DataStorageException reason) {
                refused.complete(reason);
            }
        };
    }
}
