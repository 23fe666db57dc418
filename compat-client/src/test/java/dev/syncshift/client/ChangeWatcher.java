package dev.syncshift.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        successes.add(List.copyOf(updatedRecords)); // before pulled: a test that saw a record sees its success too
        pulled.addAll(updatedRecords);
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

    /** Waits until pulled records have had every key's value, in any order; false after {@code timeout}. */
    boolean awaitValues(Map<String, String> values, Duration timeout) throws InterruptedException {
        Map<String, String> missing = new HashMap<>(values);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Record record = pulled.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (record != null && Objects.equals(missing.get(record.getKey()), record.getValue())) {
                missing.remove(record.getKey());
            }
        }
        return missing.isEmpty();
    }

    /** The records of the next synchronize that succeeded; null when none ends within 15 seconds. */
    @Nullable List<Record> nextSuccess() throws InterruptedException {
        return successes.poll(15, TimeUnit.SECONDS);
    }

    /** The records of every synchronize that succeeded and was not taken yet, in order; takes them. */
    List<List<Record>> takeSuccesses() {
        List<List<Record>> taken = new ArrayList<>();
        successes.drainTo(taken);
        return taken;
    }

    int failures() {
        return failures.get();
    }
}
