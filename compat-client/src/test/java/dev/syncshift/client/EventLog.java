package dev.syncshift.client;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A subscription's callback that logs every call, in order, as {@code "<dataset> <call>"} ({@code "prefs onSuccess
 * [color]"}, the keys pulled), for a test to take one by one. It goes on with deleted and merged datasets, keeps the
 * local version in a conflict, and runs {@code whenDeleted} (a gate a test holds) before it answers a deletion.
 */
final class EventLog implements SyncCallback {

    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Runnable whenDeleted;

    EventLog() {
        this(() -> { });
    }

    EventLog(Runnable whenDeleted) {
        this.whenDeleted = whenDeleted;
    }

    @Override
    public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
        log(dataset, "onSuccess " + updatedRecords.stream().map(Record::getKey).sorted().toList());
    }

    @Override
    public boolean onConflict(Dataset dataset, List<SyncConflict> conflicts) {
        log(dataset, "onConflict");
        dataset.resolve(conflicts.stream().map(SyncConflict::resolveWithLocalRecord).toList());
        return true;
    }

    @Override
    public boolean onDatasetDeleted(Dataset dataset, String datasetName) {
        log(dataset, "onDatasetDeleted");
        whenDeleted.run();
        return true;
    }

    @Override
    public boolean onDatasetsMerged(Dataset dataset, List<String> datasetNames) {
        log(dataset, "onDatasetsMerged");
        return true;
    }

    @Override
    public void onFailure(DataStorageException exception) {
        events.add("onFailure " + exception.getMessage());
    }

    private void log(Dataset dataset, String call) {
        events.add(dataset.getDatasetName() + " " + call);
    }

    /** The next call logged, waiting up to 15 seconds; null when none comes. */
    @Nullable String next() throws InterruptedException {
        return events.poll(15, TimeUnit.SECONDS);
    }
}
