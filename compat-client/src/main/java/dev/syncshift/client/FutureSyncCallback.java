package dev.syncshift.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Completes a future from a synchronize: conflicts by last writer wins, deleted datasets fail, merges go on. */
final class FutureSyncCallback extends DefaultSyncCallback {

    private final CompletableFuture<List<Record>> result;

    FutureSyncCallback(CompletableFuture<List<Record>> result) {
        this.result = result;
    }

    @Override
    public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
        result.complete(updatedRecords);
    }

    @Override
    public boolean onDatasetsMerged(Dataset dataset, List<String> datasetNames) {
        return true;
    }

    @Override
    public void onFailure(DataStorageException exception) {
        result.completeExceptionally(exception);
    }
}
