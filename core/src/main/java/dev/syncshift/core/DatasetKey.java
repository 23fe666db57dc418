package dev.syncshift.core;

/**
 * One dataset of one identity: the unit of sync, locking and sync counts.
 *
 * @param identityId the owning identity
 * @param datasetName the dataset
 */
public record DatasetKey(IdentityId identityId, DatasetName datasetName) {

    @Override
    public String toString() {
        return identityId + "/" + datasetName;
    }
}
