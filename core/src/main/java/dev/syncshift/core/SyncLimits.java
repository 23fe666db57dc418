package dev.syncshift.core;

/**
 * The documented Cognito Sync service limits (developer guide, "Limits"), and their checks.
 */
public final class SyncLimits {

    /** Datasets one identity may hold. */
    public static final int MAX_DATASETS_PER_IDENTITY = 20;
    /** Live (non-removed) records one dataset may hold. */
    public static final int MAX_RECORDS_PER_DATASET = 1024;
    /** UTF-8 bytes of keys plus values of a dataset's live records. */
    public static final long MAX_DATASET_BYTES = 1024 * 1024;
    /** Characters in one record value (1 MiB - 1). */
    public static final int MAX_VALUE_CHARACTERS = 1_048_575;
    /** Characters in one record key. */
    public static final int MAX_KEY_CHARACTERS = 1024;

    private SyncLimits() {
    }

    /**
     * Checks that an identity holding {@code existingDatasets} datasets may create one more.
     *
     * @throws LimitExceededException when it already holds {@link #MAX_DATASETS_PER_IDENTITY}
     */
    public static void checkCanCreateDataset(int existingDatasets) {
        if (existingDatasets >= MAX_DATASETS_PER_IDENTITY) {
            throw new LimitExceededException(
                    "Number of datasets exceeds the limit of " + MAX_DATASETS_PER_IDENTITY + " per identity");
        }
    }

    /**
     * Checks a dataset's size after a push.
     *
     * @throws LimitExceededException when the live records or their bytes exceed the limits
     */
    public static void checkDatasetSize(long liveRecords, long dataStorageBytes) {
        if (liveRecords > MAX_RECORDS_PER_DATASET) {
            throw new LimitExceededException(
                    "Number of records exceeds the limit of " + MAX_RECORDS_PER_DATASET + " per dataset");
        }
        if (dataStorageBytes > MAX_DATASET_BYTES) {
            throw new LimitExceededException(
                    "Dataset size of " + dataStorageBytes + " bytes exceeds the limit of " + MAX_DATASET_BYTES);
        }
    }
}
