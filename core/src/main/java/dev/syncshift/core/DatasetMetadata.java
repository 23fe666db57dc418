package dev.syncshift.core;

import java.time.Instant;

/**
 * What the service knows of a dataset besides its records (DescribeDataset's {@code Dataset}, plus its sync count).
 *
 * @param key identity and dataset name
 * @param creationDate when the dataset (or its latest re-creation) was created
 * @param lastModifiedDate when it last changed
 * @param lastModifiedBy who changed it last
 * @param dataStorage UTF-8 bytes of keys and values of its live records
 * @param numRecords its live (non-removed) records
 * @param syncCount its current sync count
 */
public record DatasetMetadata(
        DatasetKey key,
        Instant creationDate,
        Instant lastModifiedDate,
        String lastModifiedBy,
        long dataStorage,
        long numRecords,
        SyncCount syncCount) {
}
