package dev.syncshift.migrator.target;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.StoredDataset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What importing one dataset writes, and what the store must hold afterwards.
 *
 * @param kind what kind of import this is
 * @param transactions the transactions, to run in order
 * @param expectedMeta the metadata item afterwards, or null when the dataset stays unknown to the store
 * @param partition the record partition of the current generation afterwards
 * @param expectedRecords the records of that partition afterwards
 * @param recordsWritten records this import writes
 * @param recordsCurrent records read from Cognito that the store already holds (or a newer AppSync version of)
 * @param conflicts changes made on both sides, as settled
 * @param failure why the dataset cannot be imported, or null
 */
public record ImportPlan(Kind kind, List<PlannedTransaction> transactions, @Nullable StoredDataset expectedMeta,
        SyncCount partition, Map<RecordKey, Record> expectedRecords, long recordsWritten, long recordsCurrent,
        List<Conflict> conflicts, @Nullable String failure) {

    /** Copies the collections. */
    public ImportPlan {
        transactions = List.copyOf(transactions);
        expectedRecords = Map.copyOf(expectedRecords);
        conflicts = List.copyOf(conflicts);
    }

    /**
     * A dataset that cannot be imported: nothing is written, no record counts as current (the failure stands for them
     * all), and no conflict is settled, whichever side the policy would have kept.
     *
     * @param meta the metadata item as read, which stays
     * @param partition the record partition of the current generation
     * @param stored the records the store holds there, which stay
     * @param failure why
     */
    public static ImportPlan failed(@Nullable StoredDataset meta, SyncCount partition, Map<RecordKey, Record> stored,
            String failure) {
        return new ImportPlan(Kind.FAILED, List.of(), meta, partition, stored, 0, 0, List.of(), failure);
    }

    /**
     * Records read from Cognito whose change a conflict settled for AppSync's side: neither written nor current. A
     * conflict over the whole dataset kept for AppSync keeps all {@code read} records; otherwise each record conflict
     * AppSync won keeps one.
     */
    public Set<RecordKey> recordsKept(Set<RecordKey> read) {
        boolean datasetKept = conflicts.stream().anyMatch(c -> c.key() == null && !c.cognitoWon());
        return datasetKept ? read : conflicts.stream().filter(c -> !c.cognitoWon()).map(Conflict::key)
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The kinds of import. */
    public enum Kind {
        /** The store already holds it: nothing to write. */
        CURRENT,
        /** AppSync untouched since the last pass: records keep their Cognito counts. */
        COPY,
        /** Devices wrote on AppSync since the last pass: Cognito's changes become new AppSync revisions. */
        REVISIONS,
        /** Only the watermark moves: the policy kept AppSync's side, or Cognito's change was already there. */
        WATERMARK,
        /** Revision mode needs every current Cognito record, not only those changed after the watermark. */
        NEEDS_FULL_READ,
        /** It cannot be imported (see {@code failure}); nothing is written. */
        FAILED
    }
}
