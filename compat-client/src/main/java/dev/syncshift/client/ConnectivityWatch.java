package dev.syncshift.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Passes a synchronize's callbacks on, noting whether the service was reached: a failure to reach it keeps a
 * {@code synchronizeOnConnectivity} request for later; any other outcome runs the requests kept so far.
 */
final class ConnectivityWatch implements SyncCallback {

    private final SyncCallback delegate;
    private final CognitoSyncManager manager;
    private final @Nullable Runnable keepForLater;

    ConnectivityWatch(SyncCallback delegate, CognitoSyncManager manager, @Nullable Runnable keepForLater) {
        this.delegate = delegate;
        this.manager = manager;
        this.keepForLater = keepForLater;
    }

    @Override
    public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
        try {
            delegate.onSuccess(dataset, updatedRecords);
        } finally {
            manager.reachedService();
        }
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
        try {
            delegate.onFailure(exception);
        } finally {
            if (exception instanceof NetworkException && keepForLater != null) {
                keepForLater.run();
            } else if (!(exception instanceof NetworkException)) {
                manager.reachedService();
            }
        }
    }
}
