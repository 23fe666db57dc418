package dev.syncshift.migrator.target;

import dev.syncshift.core.DatasetName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What importing (or checking) one dataset did.
 *
 * @param dataset the dataset
 * @param kind what kind of import it was
 * @param recordsWritten records written (or, in a dry run, that would be)
 * @param recordsCurrent records the store already held
 * @param recordsKept records read whose change a conflict settled for AppSync's side (or, writing nothing, would),
 *     those an earlier attempt wrote left out: they count as written
 * @param bytesWritten UTF-8 bytes of the keys and values written
 * @param transactions TransactWriteItems calls made
 * @param conflicts changes made on both sides, as settled
 * @param mismatches differences between the source and the store found while verifying
 * @param failure why it could not be imported, or null
 * @param writtenOnAppSync whether switched devices had changed it on AppSync since it was imported, when it was read
 *     (its count past its watermark): its differences from Cognito Sync are then revisions, not faults
 * @param deletion whether Cognito Sync no longer has the dataset and the import applied (or, writing nothing, would
 *     apply) that deletion to the store; a dataset deleted and re-created since is a copy (or revision) of its new
 *     incarnation, not a deletion
 * @param writtenBack what a write-back pass wrote into Cognito Sync, or null when it wrote nothing there
 */
public record DatasetOutcome(DatasetName dataset, ImportPlan.Kind kind, long recordsWritten, long recordsCurrent,
        long recordsKept, long bytesWritten, long transactions, List<Conflict> conflicts, List<String> mismatches,
        @Nullable String failure, boolean writtenOnAppSync, boolean deletion, @Nullable WrittenBack writtenBack) {

    /**
     * What a write-back pass wrote into Cognito Sync for one dataset.
     *
     * @param records records written (removals included) in its one UpdateRecords, zero when it deleted the dataset
     * @param datasetDeleted whether it deleted the dataset (DeleteDataset), as devices had on AppSync
     */
    public record WrittenBack(long records, boolean datasetDeleted) {
    }

    /** Copies the lists. */
    public DatasetOutcome {
        conflicts = List.copyOf(conflicts);
        mismatches = List.copyOf(mismatches);
    }

    /** This outcome, and then {@code later}'s import of the same dataset: its writes added, its kind if it wrote. */
    DatasetOutcome then(DatasetOutcome later) {
        // Once each: a write-back imports a merged copy twice (its delta import, then its own re-import), and both
        // find the same AppSync change Cognito's version cannot be told from.
        Set<Conflict> allConflicts = new LinkedHashSet<>(conflicts);
        allConflicts.addAll(later.conflicts);
        List<String> allMismatches = new ArrayList<>(mismatches);
        allMismatches.addAll(later.mismatches);
        return new DatasetOutcome(dataset, later.transactions > 0 ? later.kind : kind,
                recordsWritten + later.recordsWritten, recordsCurrent, recordsKept, bytesWritten + later.bytesWritten,
                transactions + later.transactions, List.copyOf(allConflicts), allMismatches, later.failure,
                writtenOnAppSync || later.writtenOnAppSync, deletion || later.deletion, writtenBack);
    }

    /** This outcome with what was written back into Cognito Sync. */
    DatasetOutcome with(WrittenBack written) {
        return new DatasetOutcome(dataset, kind, recordsWritten, recordsCurrent, recordsKept, bytesWritten,
                transactions, conflicts, mismatches, failure, writtenOnAppSync, deletion, written);
    }

    /** This outcome, failed for {@code why}. */
    DatasetOutcome failedFor(String why) {
        return new DatasetOutcome(dataset, ImportPlan.Kind.FAILED, recordsWritten, recordsCurrent, recordsKept,
                bytesWritten, transactions, conflicts, mismatches, why, writtenOnAppSync, deletion, writtenBack);
    }

    /**
     * A dataset the store already holds, nothing read or written.
     *
     * @param writtenOnAppSync whether devices changed it on AppSync since it was last imported
     */
    public static DatasetOutcome current(DatasetName dataset, boolean writtenOnAppSync) {
        return new DatasetOutcome(dataset, ImportPlan.Kind.CURRENT, 0, 0, 0, 0, 0, List.of(), List.of(), null,
                writtenOnAppSync, false, null);
    }

    /** A dataset that could not be imported. */
    public static DatasetOutcome failed(DatasetName dataset, String failure) {
        return new DatasetOutcome(dataset, ImportPlan.Kind.FAILED, 0, 0, 0, 0, 0, List.of(), List.of(), failure, false,
                false, null);
    }
}
