package dev.syncshift.client;

import java.util.List;
import org.jspecify.annotations.NullUnmarked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A callback that logs, resolves every conflict with {@link SyncConflict#resolveWithLastWriterWins()}, and answers
 * false to deleted and merged datasets, as AWS's {@code DefaultSyncCallback} did. Extend it to override what you
 * need. It is a {@link Dataset.SyncCallback}, as AWS's was, and so a {@link SyncCallback}. The nullness of its
 * parameters is left unspecified, as {@link SyncCallback}'s is, for Kotlin subclasses.
 */
@NullUnmarked
public class DefaultSyncCallback implements Dataset.SyncCallback {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSyncCallback.class);

    @Override
    public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
        LOG.debug("synchronized {}: {} records pulled", dataset.getDatasetName(), updatedRecords.size());
    }

    @Override
    public boolean onConflict(Dataset dataset, List<SyncConflict> conflicts) {
        dataset.resolve(conflicts.stream().map(SyncConflict::resolveWithLastWriterWins).toList());
        return true;
    }

    @Override
    public boolean onDatasetDeleted(Dataset dataset, String datasetName) {
        return false;
    }

    @Override
    public boolean onDatasetsMerged(Dataset dataset, List<String> datasetNames) {
        return false;
    }

    @Override
    public void onFailure(DataStorageException exception) {
        LOG.warn("synchronize failed: {}", exception.getMessage());
    }
}
