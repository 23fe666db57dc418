package dev.syncshift.migrator.target;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.CheckAction;
import dev.syncshift.core.layout.Condition;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What the copy and revision planners share: metadata items, conditions and the simplest plans. */
final class PlanSupport {

    static final Comparator<Record> BY_COUNT_THEN_KEY = Comparator.comparing(Record::syncCount)
            .thenComparing(r -> r.key().value());

    private PlanSupport() {
    }

    static Condition expected(@Nullable StoredDataset meta) {
        return meta == null ? ImportTransactions.absent() : ImportTransactions.unchanged(meta);
    }

    static @Nullable SyncCount watermark(StoredDataset meta) {
        return meta.sourceWatermark();
    }

    static SyncCount watermarkOrZero(@Nullable StoredDataset meta) {
        return meta == null || meta.sourceWatermark() == null ? SyncCount.ZERO : meta.sourceWatermark();
    }

    /**
     * {@code after} with the first copy's mark it keeps ({@code docs/store-layout.md}, "Writes"): a write that leaves
     * the watermark at 0 on the live dataset {@code read} of the same generation carries the higher of {@code
     * read}'s {@link StoredDataset#firstCopyMark()} and the mark {@code after} sets; a write that moves the watermark
     * above 0, deletes the dataset or starts a new generation drops it.
     */
    static StoredDataset firstCopy(@Nullable StoredDataset read, StoredDataset after) {
        boolean keeps = !after.deleted() && watermarkOrZero(after).equals(SyncCount.ZERO)
                && (read == null || !read.deleted() && read.generation().equals(after.generation()));
        if (!keeps) {
            return after.withFirstCopyUpTo(null);
        }
        SyncCount read0 = read == null ? SyncCount.ZERO : read.firstCopyMark();
        SyncCount set = after.firstCopyUpTo() == null ? SyncCount.ZERO : after.firstCopyUpTo();
        return after.withFirstCopyUpTo(set.isAfter(read0) ? set : read0);
    }

    static int pieces(@Nullable Record stored) {
        return stored == null || stored.value() == null ? 0 : SyncStoreLayout.split(stored.value()).size();
    }

    /** A metadata item whose record totals are computed from {@code records}. */
    static StoredDataset meta(DatasetKey key, Dates dates, Map<RecordKey, Record> records, SyncCount count,
            boolean deleted, SyncCount generation, @Nullable SyncCount watermark) {
        long live = records.values().stream().filter(r -> !r.isTombstone()).count();
        long bytes = records.values().stream().mapToLong(Record::storageBytes).sum();
        DatasetMetadata metadata = new DatasetMetadata(key, dates.created(), dates.modified(), dates.modifiedBy(),
                deleted ? 0 : bytes, deleted ? 0 : live, count);
        return new StoredDataset(metadata, deleted, generation, watermark);
    }

    static SyncCount newest(SyncCount floor, Map<RecordKey, Record> records) {
        return records.values().stream().map(Record::syncCount).reduce(floor, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    static boolean sameItem(StoredDataset a, @Nullable StoredDataset b) {
        return b != null && DatasetItems.toItem(a).equals(DatasetItems.toItem(b));
    }

    /** Record writes packed into transactions, each checking {@code condition}; the last one writes {@code after}. */
    static List<PlannedTransaction> metaLast(StoredDataset after, Condition condition,
            List<PlannedTransaction.Write> writes) {
        List<List<PlannedTransaction.Write>> groups = ImportTransactions.pack(writes,
                PlannedTransaction.Write::actions, 1);
        if (groups.isEmpty()) {
            return List.of(new PlannedTransaction(new PutAction(DatasetItems.toItem(after), condition), List.of()));
        }
        DatasetKey key = after.metadata().key();
        List<PlannedTransaction> transactions = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            boolean last = i == groups.size() - 1;
            transactions.add(new PlannedTransaction(last ? new PutAction(DatasetItems.toItem(after), condition)
                    : new CheckAction(SyncStoreLayout.identityPartition(key.identityId()),
                            SyncStoreLayout.datasetSortKey(key.datasetName()), condition), groups.get(i)));
        }
        return transactions;
    }

    /** Nothing to write: the store holds it. */
    static ImportPlan current(@Nullable StoredDataset meta, SyncCount partition, Map<RecordKey, Record> stored,
            long recordsCurrent) {
        return new ImportPlan(ImportPlan.Kind.CURRENT, List.of(), meta, partition, stored, 0, recordsCurrent,
                List.of(), null);
    }

    /**
     * Revision mode with nothing to apply: only the watermark moves to {@code watermark} (nothing when it is already
     * there and no conflict was settled), marking the dataset renumbered.
     */
    static ImportPlan watermarkOnly(StoredDataset meta, SyncCount watermark, Map<RecordKey, Record> stored,
            List<Conflict> conflicts, long recordsCurrent) {
        return watermarkOnly(meta, watermark, stored, conflicts, recordsCurrent, false);
    }

    /** As above; {@code keepMark} keeps a write-back's mark, which moving the watermark otherwise takes off. */
    static ImportPlan watermarkOnly(StoredDataset meta, SyncCount watermark, Map<RecordKey, Record> stored,
            List<Conflict> conflicts, long recordsCurrent, boolean keepMark) {
        if (watermark.equals(meta.sourceWatermark()) && conflicts.isEmpty()) {
            return current(meta, meta.generation(), stored, recordsCurrent);
        }
        StoredDataset after = new StoredDataset(meta.metadata(), meta.deleted(), meta.generation(), watermark, true,
                meta.sourceDeletedAt(), meta.copiedUpTo(), meta.metadata().syncCount())
                .withWriteBack(keepMark ? meta.writeBack() : null);
        after = firstCopy(meta, after);
        PlannedTransaction transaction = new PlannedTransaction(
                new PutAction(DatasetItems.toItem(after), ImportTransactions.unchanged(meta)), List.of());
        return new ImportPlan(ImportPlan.Kind.WATERMARK, List.of(transaction), after, meta.generation(), stored, 0,
                recordsCurrent, conflicts, null);
    }

    /** Whether two versions of a record hold the same change: value (or removal), date and author. */
    static boolean sameChange(Record a, Record b) {
        return Objects.equals(a.value(), b.value()) && a.lastModifiedDate().equals(b.lastModifiedDate())
                && a.lastModifiedBy().equals(b.lastModifiedBy());
    }

    /**
     * The dates of a metadata item.
     *
     * @param created creation of the current incarnation
     * @param modified last change
     * @param modifiedBy author of the last change
     */
    record Dates(Instant created, Instant modified, String modifiedBy) {

        static Dates of(StoredDataset meta) {
            DatasetMetadata m = meta.metadata();
            return new Dates(m.creationDate(), m.lastModifiedDate(), m.lastModifiedBy());
        }

        /** These dates, modified by {@code record} if it is later. */
        Dates touchedBy(Record record) {
            return record.lastModifiedDate().isAfter(modified)
                    ? new Dates(created, record.lastModifiedDate(), record.lastModifiedBy()) : this;
        }
    }
}
