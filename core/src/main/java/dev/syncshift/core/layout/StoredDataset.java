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
 * @param renumbered whether the store has numbered the dataset's revisions itself (a device pushed on AppSync, or an
 *     import applied Cognito changes as AppSync revisions): its counts are no longer Cognito's, so a record at a
 *     count says nothing about Cognito's record at that count, even when the count equals the watermark again
 * @param sourceDeletedAt Cognito's count at a deletion of the dataset that an import settled by keeping AppSync's
 *     data, or null: Cognito keeps a deleted dataset's count, so the watermark alone cannot say the deletion was seen
 * @param copiedUpTo while a copy-mode import in parts (a device's, or a migrator pass's) is unfinished (its earlier
 *     parts stored records at their Cognito counts and left the count at the watermark), the highest count among
 *     those records; null otherwise
 * @param importedAt the dataset's count right after the import that last moved {@code sourceWatermark}, or null
 *     (never set: a store an earlier version wrote, or a first copy not yet complete; the watermark stands for
 *     it). A record above it, its head not marked imported, was written on AppSync since that import; once the
 *     store renumbered the dataset, the watermark (a Cognito count) says nothing of AppSync's counts
 * @param writeBack a write-back into Cognito Sync that may have landed there beyond the watermark, or null
 * @param firstCopyUpTo while a first copy (a copy-mode import from watermark 0) is unfinished, the highest count it
 *     stored; unlike {@code copiedUpTo}, which a push takes off as it counts past it, it stays on every write that
 *     leaves the watermark at 0 on the live dataset's generation, until the copy is completed; null otherwise (an
 *     item written before it existed has only {@code copiedUpTo}: see {@link #firstCopyMark()})
 */
public record StoredDataset(
        DatasetMetadata metadata,
        boolean deleted,
        SyncCount generation,
        @Nullable SyncCount sourceWatermark,
        boolean renumbered,
        @Nullable SyncCount sourceDeletedAt,
        @Nullable SyncCount copiedUpTo,
        @Nullable SyncCount importedAt,
        @Nullable WriteBackMark writeBack,
        @Nullable SyncCount firstCopyUpTo) {

    /** A dataset with the given bookkeeping and no write-back under way and no first copy's mark. */
    public StoredDataset(DatasetMetadata metadata, boolean deleted, SyncCount generation,
            @Nullable SyncCount sourceWatermark, boolean renumbered, @Nullable SyncCount sourceDeletedAt,
            @Nullable SyncCount copiedUpTo, @Nullable SyncCount importedAt) {
        this(metadata, deleted, generation, sourceWatermark, renumbered, sourceDeletedAt, copiedUpTo, importedAt, null,
                null);
    }

    /** A dataset with the given bookkeeping and no {@code importedAt}. */
    public StoredDataset(DatasetMetadata metadata, boolean deleted, SyncCount generation,
            @Nullable SyncCount sourceWatermark, boolean renumbered, @Nullable SyncCount sourceDeletedAt,
            @Nullable SyncCount copiedUpTo) {
        this(metadata, deleted, generation, sourceWatermark, renumbered, sourceDeletedAt, copiedUpTo, null);
    }

    /** A dataset whose counts are still Cognito's (or born on AppSync), no unfinished copy-mode import writing it. */
    public StoredDataset(DatasetMetadata metadata, boolean deleted, SyncCount generation,
            @Nullable SyncCount sourceWatermark) {
        this(metadata, deleted, generation, sourceWatermark, false, null, null);
    }

    /** This dataset, numbered by the store from now on. */
    public StoredDataset asRenumbered() {
        return new StoredDataset(metadata, deleted, generation, sourceWatermark, true, sourceDeletedAt, copiedUpTo,
                importedAt, writeBack, firstCopyUpTo);
    }

    /** This dataset, caught up with Cognito at {@code count}: records above it were written on AppSync since. */
    public StoredDataset importedAt(@Nullable SyncCount count) {
        return new StoredDataset(metadata, deleted, generation, sourceWatermark, renumbered, sourceDeletedAt,
                copiedUpTo, count, writeBack, firstCopyUpTo);
    }

    /** This dataset, knowing of Cognito's deletion of it at {@code count} ({@code sourceDeletedAt}). */
    public StoredDataset withSourceDeletedAt(SyncCount count) {
        return new StoredDataset(metadata, deleted, generation, sourceWatermark, renumbered, count, copiedUpTo,
                importedAt, writeBack, firstCopyUpTo);
    }

    /** This dataset with {@code mark} as its write-back under way (null: none). */
    public StoredDataset withWriteBack(@Nullable WriteBackMark mark) {
        return new StoredDataset(metadata, deleted, generation, sourceWatermark, renumbered, sourceDeletedAt,
                copiedUpTo, importedAt, mark, firstCopyUpTo);
    }

    /** This dataset with {@code mark} as its first copy's mark (null or zero: none). */
    public StoredDataset withFirstCopyUpTo(@Nullable SyncCount mark) {
        return new StoredDataset(metadata, deleted, generation, sourceWatermark, renumbered, sourceDeletedAt,
                copiedUpTo, importedAt, writeBack, mark == null || mark.equals(SyncCount.ZERO) ? null : mark);
    }

    /**
     * The highest count an unfinished first copy stored, zero when none is unfinished: for a live dataset at
     * watermark 0, the higher of {@code firstCopyUpTo} and {@code copiedUpTo} (an item written before the first mark
     * existed has only {@code copiedUpTo}, which at watermark 0 is a first copy's mark); zero otherwise.
     */
    public SyncCount firstCopyMark() {
        if (deleted || sourceWatermark != null && !sourceWatermark.equals(SyncCount.ZERO)) {
            return SyncCount.ZERO;
        }
        SyncCount first = firstCopyUpTo == null ? SyncCount.ZERO : firstCopyUpTo;
        return copiedUpTo != null && copiedUpTo.isAfter(first) ? copiedUpTo : first;
    }

    /**
     * The count above which a record was written on AppSync since the last import: {@code importedAt}, or the
     * watermark (zero when none) for a dataset whose counts were Cognito's when it was last imported; while a first
     * copy is unfinished, its mark when higher ({@link #firstCopyMark()}): the records up to it were copied from
     * Cognito, and a device's push counts above it.
     */
    public SyncCount changedOnAppSyncAfter() {
        SyncCount since = importedAt != null ? importedAt
                : sourceWatermark == null ? SyncCount.ZERO : sourceWatermark;
        SyncCount mark = firstCopyMark();
        return mark.isAfter(since) ? mark : since;
    }
}
