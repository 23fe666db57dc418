package dev.syncshift.core.layout;

import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.SyncCount;
import org.jspecify.annotations.Nullable;

/**
 * A dataset's metadata item: what DescribeDataset shows, plus the store's own bookkeeping.
 *
 * @param metadata the dataset as Cognito Sync describes it; {@code syncCount} is the dataset sync count
 * @param deleted whether the dataset is deleted (its metadata stays so that counts stay monotonic)
 * @param generation the partition of the current records: the sync count the current generation began after a
 *     deletion (a device whose last count is above zero and below it learns of the deletion); zero if never deleted
 * @param sourceWatermark the Cognito DatasetSyncCount last imported by the migrator, or null if never imported
 * @param copiedUpTo while a device's copy-mode import is unfinished (its earlier parts stored records at their Cognito
 *     counts and left the count at the watermark), the highest count among those records; null otherwise
 */
public record StoredDataset(
        DatasetMetadata metadata,
        boolean deleted,
        SyncCount generation,
        @Nullable SyncCount sourceWatermark,
        @Nullable SyncCount copiedUpTo) {

    /** A dataset no unfinished copy-mode import is writing. */
    public StoredDataset(DatasetMetadata metadata, boolean deleted, SyncCount generation,
            @Nullable SyncCount sourceWatermark) {
        this(metadata, deleted, generation, sourceWatermark, null);
    }
}
