package dev.syncshift.migrator.target;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.Condition;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.migrator.source.SourceDataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Copy mode: nobody wrote the dataset on AppSync since the last pass (or it is new), so Cognito's state is copied
 * with Cognito's own counts and dates, and a device that last synced with Cognito at count N continues on AppSync
 * from N. Records go first; the last transaction moves count and watermark together, the ones before it leave them
 * and mark the records they stored above the count ({@link CopyParts}). A record the store holds at Cognito's count
 * with other contents, or above Cognito's count but within the dataset's (a writer that went around the API, or a
 * fault: no import stores a record there that Cognito does not hold), is written over with Cognito's. A copy-mode
 * import left unfinished, a device's or a pass's (its earlier parts written at Cognito's counts, the count still at
 * the watermark, {@code copiedUpTo} set), is completed the same way: its records are found already there. They are
 * never above Cognito's count as this pass read it: the metadata item is read before Cognito, and a part that comes
 * after that read fails the pass's condition.
 */
final class CopyPlanner {

    private CopyPlanner() {
    }

    static ImportPlan plan(IdentityId identity, DatasetSource source, @Nullable StoredDataset meta,
            Map<RecordKey, Record> stored) {
        if (!source.read().exists()) {
            return deletion(source, meta, stored);
        }
        DatasetKey key = new DatasetKey(identity, source.name());
        String partition = SyncStoreLayout.recordPartition(identity, source.name(), source.generation());
        Map<RecordKey, Record> expected = new HashMap<>(stored);
        List<PlannedTransaction.Write> writes = new ArrayList<>();
        long current = 0;
        for (Record record : source.read().all().stream().sorted(PlanSupport.BY_COUNT_THEN_KEY).toList()) {
            Record held = stored.get(record.key());
            if (held != null && (held.equals(record) || unfinishedPart(held, record, meta))) {
                current++;
                continue;
            }
            // Held at or above Cognito's count with other contents, within the dataset's count (nobody wrote it on
            // AppSync since, and no import stores a record there that Cognito does not hold): Cognito's is written
            // over it, on condition that it is still at the count read.
            boolean repair = held != null && !record.syncCount().isAfter(held.syncCount());
            Condition condition = held != null && repair ? ImportTransactions.stillAt(held.syncCount())
                    : ImportTransactions.olderThan(record.syncCount());
            expected.put(record.key(), record);
            // marked imported: Cognito's change, which a part left above the watermark keeps telling from a push's
            writes.add(new PlannedTransaction.Write(record, ImportTransactions.recordActions(partition, record,
                    condition, PlanSupport.pieces(held), true), repair));
        }
        SyncCount count = PlanSupport.newest(source.read().datasetSyncCount(), expected);
        // importedAt, as every import that moves the watermark sets it: a dataset without one was last imported by an
        // earlier version (ImportPlanner.writtenOnAppSync)
        StoredDataset after = PlanSupport.firstCopy(meta, PlanSupport.meta(key, dates(source.listed(), meta,
                expected), expected, count, false, source.generation(), count).importedAt(count));
        if (writes.isEmpty() && PlanSupport.sameItem(after, meta)) {
            return PlanSupport.current(meta, source.generation(), stored, current);
        }
        return new ImportPlan(ImportPlan.Kind.COPY, CopyParts.transactions(meta, after, stored, writes), after,
                source.generation(), expected, writes.size(), current, List.of(), null);
    }

    /**
     * Whether {@code held} stands above the dataset's count and above Cognito's {@code record}: a part of an import
     * left unfinished, which read Cognito after this pass did (a newer change), and which its last part or the next
     * pass completes. A part below Cognito's record (Cognito changed it since the part was stored) is older: it is
     * written over like any older record.
     */
    private static boolean unfinishedPart(Record held, Record record, @Nullable StoredDataset meta) {
        return held.syncCount().isAfter(record.syncCount())
                && held.syncCount().isAfter(meta == null ? SyncCount.ZERO : meta.metadata().syncCount());
    }

    /** Cognito deleted it: the store keeps Cognito's count D, and its generation D + 1 gives the same flags. */
    private static ImportPlan deletion(DatasetSource source, @Nullable StoredDataset meta,
            Map<RecordKey, Record> stored) {
        if (meta == null) {
            return PlanSupport.current(null, SyncCount.ZERO, Map.of(), 0);
        }
        SyncCount deletedAt = source.read().datasetSyncCount();
        SyncCount generation = deletedAt.next();
        StoredDataset after = PlanSupport.meta(meta.metadata().key(), PlanSupport.Dates.of(meta), Map.of(),
                deletedAt, true, generation, deletedAt);
        if (PlanSupport.sameItem(after, meta)) {
            return PlanSupport.current(meta, generation, stored, 0);
        }
        return new ImportPlan(ImportPlan.Kind.COPY, PlanSupport.metaLast(after, PlanSupport.expected(meta),
                List.of()), after, generation, Map.of(), 0, 0, List.of(), null);
    }

    private static PlanSupport.Dates dates(@Nullable SourceDataset listed, @Nullable StoredDataset meta,
            Map<RecordKey, Record> records) {
        if (listed != null) {
            return new PlanSupport.Dates(listed.creationDate(), listed.lastModifiedDate(), listed.lastModifiedBy());
        }
        Record newest = records.values().stream().max(PlanSupport.BY_COUNT_THEN_KEY).orElseThrow();
        PlanSupport.Dates base = meta == null
                ? new PlanSupport.Dates(newest.lastModifiedDate(), newest.lastModifiedDate(), newest.lastModifiedBy())
                : PlanSupport.Dates.of(meta);
        return base.touchedBy(newest);
    }
}
