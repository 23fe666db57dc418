package dev.syncshift.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A subscription's callback: collects the records each synchronize pulled, for a test to wait on. */
final class ChangeWatcher extends DefaultSyncCallback {

    private final LinkedBlockingQueue<Record> pulled = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<List<Record>> successes = new LinkedBlockingQueue<>();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
        pulled.addAll(updatedRecords);
        successes.add(List.copyOf(updatedRecords));
    }

    /** Goes on with the synchronize (the datasets a login merged in are the app's to settle, elsewhere). */
    @Override
    public boolean onDatasetsMerged(Dataset dataset, List<String> datasetNames) {
        return true;
    }

    @Override
    public void onFailure(DataStorageException exception) {
        failures.incrementAndGet();
    }

    /** Waits until a pulled record of {@code key} has {@code value}; false after {@code timeout}. */
    boolean awaitValue(String key, String value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Record record = pulled.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (record != null && record.getKey().equals(key) && value.equals(record.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The records of the next synchronize that succeeded; null when none ends within 15 seconds. */
    @Nullable List<Record> nextSuccess() throws InterruptedException {
        return successes.poll(15, TimeUnit.SECONDS);
    }

    int failures() {
        return failures.get();
    }
}
