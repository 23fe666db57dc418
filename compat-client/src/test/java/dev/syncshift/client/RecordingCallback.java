package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link SyncCallback} that records what a synchronize reported and lets a test wait for its end (a latch, never a
 * sleep). Decisions are given up front; by default conflicts keep the local version.
 */
final class RecordingCallback implements SyncCallback {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicInteger terminals = new AtomicInteger();
    private final List<SyncConflict> conflicts = new ArrayList<>();
    private final List<String> merged = new ArrayList<>();
    private volatile Function<SyncConflict, Record> resolution = SyncConflict::resolveWithLocalRecord;
    private volatile boolean deleteOnRemoteDeletion = true;
    private volatile boolean resolving = true;
    private volatile List<Record> updated;
    private volatile DataStorageException failure;
    private volatile String deletedDataset;

    RecordingCallback resolvingWith(Function<SyncConflict, Record> how) {
        this.resolution = how;
        return this;
    }

    /** Conflicts are reported to it and left unresolved (onConflict returns true without resolving). */
    RecordingCallback leavingConflictsUnresolved() {
        this.resolving = false;
        return this;
    }

    RecordingCallback keepingLocalOnRemoteDeletion() {
        this.deleteOnRemoteDeletion = false;
        return this;
    }

    @Override
    public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
        this.updated = updatedRecords;
        end();
    }

    @Override
    public synchronized boolean onConflict(Dataset dataset, List<SyncConflict> found) {
        conflicts.addAll(found);
        if (resolving) {
            dataset.resolve(found.stream().map(resolution).toList());
        }
        return true;
    }

    @Override
    public boolean onDatasetDeleted(Dataset dataset, String datasetName) {
        this.deletedDataset = datasetName;
        return deleteOnRemoteDeletion;
    }

    @Override
    public synchronized boolean onDatasetsMerged(Dataset dataset, List<String> datasetNames) {
        merged.addAll(datasetNames);
        return true;
    }

    @Override
    public void onFailure(DataStorageException exception) {
        this.failure = exception;
        end();
    }

    private void end() {
        terminals.incrementAndGet();
        ended.countDown();
    }

    /** Waits for the terminal callback; fails the test when none comes. */
    RecordingCallback await() {
        try {
            assertThat(ended.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("a terminal callback").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Waits and asserts success. */
    List<Record> succeeded() {
        await();
        assertThat(failure).as("failure").isNull();
        return updated;
    }

    /** Waits for the end, and returns its failure, or null when it succeeded. */
    DataStorageException ending() {
        await();
        return failure;
    }

    /** Waits and asserts failure. */
    DataStorageException failed() {
        await();
        assertThat(failure).as("a failure").isNotNull();
        return failure;
    }

    synchronized List<SyncConflict> conflicts() {
        return List.copyOf(conflicts);
    }

    synchronized List<String> merged() {
        return List.copyOf(merged);
    }

    String deletedDataset() {
        return deletedDataset;
    }

    int terminalCalls() {
        return terminals.get();
    }

    /** Synchronizes {@code dataset} and waits for success. */
    static List<Record> sync(Dataset dataset) {
        RecordingCallback callback = new RecordingCallback();
        dataset.synchronize(callback);
        return callback.succeeded();
    }

    /** Synchronizes {@code dataset} and waits for its failure, which it returns. */
    static DataStorageException syncFailure(Dataset dataset) {
        RecordingCallback callback = new RecordingCallback();
        dataset.synchronize(callback);
        return callback.failed();
    }
}
