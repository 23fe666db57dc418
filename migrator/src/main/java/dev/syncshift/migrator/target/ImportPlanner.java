package dev.syncshift.migrator.target;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.StoredDataset;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Decides, as a pure function of what the source says and what the store holds, what importing one dataset
 * writes: a copy with Cognito's counts while nobody wrote it on AppSync since the last pass, otherwise AppSync
 * revisions with conflicts settled by the policy ({@code docs/migrator.md}, "Delta passes"); nothing, and a
 * failure, when it would write a count the API cannot read ({@link SyncCountLimit}).
 */
public final class ImportPlanner {

    private final RevisionPlanner revisions;

    /** A planner settling conflicts by {@code policy}; {@code now} dates the deletions it applies. */
    public ImportPlanner(ConflictPolicy policy, Instant now) {
        this.revisions = new RevisionPlanner(policy, now);
    }

    /**
     * Whether the store's counts are still Cognito's: nobody wrote the dataset on AppSync and no import applied
     * revisions (or it is not in the store). A count that equals the watermark again after that proves nothing.
     */
    public static boolean untouched(@Nullable StoredDataset meta) {
        return meta == null
                || !meta.renumbered() && meta.metadata().syncCount().equals(PlanSupport.watermarkOrZero(meta));
    }

    /**
     * Whether devices wrote the dataset on AppSync since it was last imported: its count passed the count that import
     * left it at ({@code importedAt}). A store an older version wrote has no such count: any dataset it numbers
     * itself is taken as written.
     */
    public static boolean writtenOnAppSync(@Nullable StoredDataset meta) {
        if (meta == null || untouched(meta)) {
            return false;
        }
        SyncCount importedAt = meta.importedAt();
        return importedAt == null || meta.metadata().syncCount().isAfter(importedAt);
    }

    /**
     * Whether devices wrote the dataset on AppSync since the last pass ({@link #writtenOnAppSync(StoredDataset)}),
     * unless every record of {@code partition} (the live generation's) above the count that pass left
     * ({@link StoredDataset#changedOnAppSyncAfter()}) is an import's write ({@link StoredRecords#imported()}):
     * Cognito's changes that an import stopped between its transactions or parts left there (a merged copy's records
     * too, which stand above its watermark), or a pass's removals of the records of an incarnation Cognito deleted. A
     * dataset deleted on AppSync is written there. Every import that moves the watermark sets {@code importedAt}, so
     * a dataset without one (but for an unfinished first copy) was last imported by an earlier version, whose counts
     * may stand below the watermark and whose imports left no marks: any dataset it numbers itself is taken as
     * written.
     */
    public static boolean writtenOnAppSync(StoredDataset meta, StoredRecords partition) {
        if (!writtenOnAppSync(meta)) {
            return false;
        }
        if (meta.deleted() || meta.importedAt() == null && meta.firstCopyMark().equals(SyncCount.ZERO)) {
            return true;
        }
        SyncCount after = meta.changedOnAppSyncAfter();
        return partition.byKey().values().stream()
                .anyMatch(r -> r.syncCount().isAfter(after) && !partition.imported().contains(r.key()));
    }

    /**
     * Whether a device deleted the dataset on AppSync since the last pass: a deletion on AppSync starts a generation at
     * the count it takes, above the count the last import left ({@link StoredDataset#changedOnAppSyncAfter()}), while
     * every generation an import starts stands at or below it. False for a dataset no import completed
     * ({@code importedAt} unset: born on AppSync, a first copy or a device's import not finished, or a store an
     * earlier version wrote), whose counts say nothing of when its generation began.
     */
    public static boolean deletedOnAppSyncSinceLastPass(StoredDataset meta) {
        return meta.importedAt() != null && meta.generation().isAfter(meta.changedOnAppSyncAfter());
    }

    /** The record partition whose records {@link #plan} needs: Cognito's generation in copy mode, else AppSync's. */
    public static SyncCount partitionToRead(@Nullable StoredDataset meta, SyncCount cognitoGeneration) {
        return meta == null || untouched(meta) ? cognitoGeneration : meta.generation();
    }

    /**
     * The plan.
     *
     * @param meta the store's metadata item, or null when it has none
     * @param stored the records of {@link #partitionToRead}
     */
    public ImportPlan plan(IdentityId identity, DatasetSource source, @Nullable StoredDataset meta,
            StoredRecords stored) {
        ImportPlan plan = meta == null || untouched(meta) && !source.changesByContent()
                ? CopyPlanner.plan(identity, source, meta, stored.byKey())
                : revisions.plan(identity, source, meta, stored);
        return SyncCountLimit.check(plan, source, meta, stored.byKey());
    }
}
