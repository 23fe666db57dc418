package dev.syncshift.migrator.target;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.CheckAction;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The transactions of a copy larger than one transaction, written as a device's import in parts writes them
 * ({@code docs/store-layout.md}, "Imports"): every part but the last writes the metadata item with the count and
 * the watermark as they were, the totals of the records stored so far and {@code copiedUpTo}, the highest count of
 * the records stored above the count, so that a push between two parts counts from above it (a device up to date
 * with the store never takes a count at which copied records already sit) and pulls them. Each part is conditioned
 * on the metadata item the part before it left (or read, or its absence), the mark and the totals included; the last
 * part writes the dataset at Cognito's count, without the mark.
 */
final class CopyParts {

    private CopyParts() {
    }

    /**
     * The transactions that write {@code writes} and then {@code after}, from the metadata item {@code meta} read
     * (null when absent) over the records {@code stored} in the copy's partition.
     */
    static List<PlannedTransaction> transactions(@Nullable StoredDataset meta, StoredDataset after,
            Map<RecordKey, Record> stored, List<PlannedTransaction.Write> writes) {
        List<List<PlannedTransaction.Write>> groups = ImportTransactions.pack(writes,
                PlannedTransaction.Write::actions, 1);
        if (groups.size() < 2 || !pushesReach(meta, after.generation())) {
            return PlanSupport.metaLast(after, PlanSupport.expected(meta), writes);
        }
        Map<RecordKey, Record> held = new HashMap<>(stored);
        List<PlannedTransaction> transactions = new ArrayList<>();
        @Nullable StoredDataset state = meta;
        for (List<PlannedTransaction.Write> group : groups.subList(0, groups.size() - 1)) {
            group.forEach(write -> held.put(write.record().key(), write.record()));
            StoredDataset part = part(meta, after, held);
            if (part.copiedUpTo() == null) {
                // Nothing stored above the count (a repair of records at Cognito's counts): no mark to set.
                transactions.add(new PlannedTransaction(new CheckAction(
                        SyncStoreLayout.identityPartition(after.metadata().key().identityId()),
                        SyncStoreLayout.datasetSortKey(after.metadata().key().datasetName()),
                        PlanSupport.expected(state)), group));
                continue;
            }
            transactions.add(new PlannedTransaction(new PutAction(DatasetItems.toItem(part),
                    PlanSupport.expected(state)), group));
            state = part;
        }
        transactions.add(new PlannedTransaction(new PutAction(DatasetItems.toItem(after),
                PlanSupport.expected(state)), groups.get(groups.size() - 1)));
        return transactions;
    }

    /**
     * Whether the copy writes the partition of the live dataset's generation, or generation 0 for a dataset the store
     * does not have: where a push between the parts would write and could take a count at which copied records sit.
     * Into another generation (Cognito deleted the dataset since, or the store's copy is deleted) a push either
     * writes another partition, or re-creates a deleted dataset and is answered with its page read from the index,
     * copied records included; there the metadata item changes with the last part alone.
     */
    private static boolean pushesReach(@Nullable StoredDataset meta, SyncCount generation) {
        return meta == null ? generation.equals(SyncCount.ZERO)
                : !meta.deleted() && meta.generation().equals(generation);
    }

    /**
     * The metadata item after a part: {@code after}'s dates, generation and liveness, the count, the watermark and
     * {@code importedAt} read (0, 0 and none for a dataset the store did not have, as a device's first part writes
     * them), the totals of {@code held}, and {@code copiedUpTo} the highest count among {@code held} and the mark
     * read, when above the count.
     */
    private static StoredDataset part(@Nullable StoredDataset meta, StoredDataset after,
            Map<RecordKey, Record> held) {
        SyncCount count = meta == null ? SyncCount.ZERO : meta.metadata().syncCount();
        @Nullable SyncCount marked = meta == null ? null : meta.copiedUpTo();
        SyncCount highest = PlanSupport.newest(marked == null ? SyncCount.ZERO : marked, held);
        StoredDataset totals = PlanSupport.meta(after.metadata().key(), PlanSupport.Dates.of(after), held, count,
                false, after.generation(), PlanSupport.watermarkOrZero(meta));
        StoredDataset part = new StoredDataset(totals.metadata(), false, after.generation(), totals.sourceWatermark(),
                false, meta == null ? null : meta.sourceDeletedAt(), highest.isAfter(count) ? highest : null)
                .withWriteBack(meta == null ? null : meta.writeBack())
                .importedAt(meta == null ? null : meta.importedAt());
        // A first copy's earlier part (from watermark 0) marks the highest count it stored; firstCopy keeps the
        // higher mark read.
        return PlanSupport.firstCopy(meta, PlanSupport.watermarkOrZero(meta).equals(SyncCount.ZERO)
                ? part.withFirstCopyUpTo(PlanSupport.newest(SyncCount.ZERO, held)) : part);
    }
}
