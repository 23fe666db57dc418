package dev.syncshift.client;

import java.util.List;

/** A callback that passes every call on to another; subclasses change the calls they care about. */
abstract class ForwardingSyncCallback implements SyncCallback {

    private final SyncCallback delegate;

    ForwardingSyncCallback(SyncCallback delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
        delegate.onSuccess(dataset, updatedRecords);
    }

    @Override
    public boolean onConflict(Dataset dataset, List<SyncConflict> conflicts) {
        return delegate.onConflict(dataset, conflicts);
    }

    @Override
    public boolean onDatasetDeleted(Dataset dataset, String datasetName) {
        return delegate.onDatasetDeleted(dataset, datasetName);
    }

    @Override
    public boolean onDatasetsMerged(Dataset dataset, List<String> datasetNames) {
        return delegate.onDatasetsMerged(dataset, datasetNames);
    }

    @Override
    public void onFailure(DataStorageException exception) {
        delegate.onFailure(exception);
    }
}
