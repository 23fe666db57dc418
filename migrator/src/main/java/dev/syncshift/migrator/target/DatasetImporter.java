package dev.syncshift.migrator.target;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.AttributeValue;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.migrator.source.CognitoSource;
import dev.syncshift.migrator.source.CountNotInDatasetException;
import dev.syncshift.migrator.source.SourceDataset;
import dev.syncshift.migrator.source.SourceRecords;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Imports one dataset: reads it from Cognito Sync (from the store's watermark, or whole), reads what the store
 * holds, plans with {@link ImportPlanner} and runs the plan's conditional transactions. A transaction cancelled
 * because the store moved meanwhile (a push, another pass) is planned again from a fresh read, so a change is never
 * applied twice and never lost. Then it reads the store back and compares it with the plan. Thread-safe.
 */
public final class DatasetImporter {

    private static final int ATTEMPTS = 5;
    /** The metadata's import bookkeeping, which a pass rewrites without Cognito's data moving. */
    private static final Set<String> BOOKKEEPING = Set.of(DatasetItems.IMPORTED_AT, DatasetItems.RENUMBERED);

    private final CognitoSource source;
    private final SyncStoreTable table;
    private final ConflictPolicy policy;
    private final Clock clock;
    private final Writes writes;
    private final ConflictJournal journal;

    /** An importer from {@code source} into {@code table}, whose conflicts are known from its outcomes alone. */
    public DatasetImporter(CognitoSource source, SyncStoreTable table, ConflictPolicy policy, Clock clock,
            Writes writes) {
        this(source, table, policy, clock, writes, ConflictJournal.NONE);
    }

    /** An importer from {@code source} into {@code table}, telling {@code journal} each conflict before it writes. */
    public DatasetImporter(CognitoSource source, SyncStoreTable table, ConflictPolicy policy, Clock clock,
            Writes writes, ConflictJournal journal) {
        this.source = source;
        this.table = table;
        this.policy = policy;
        this.clock = clock;
        this.writes = writes;
        this.journal = journal;
    }

    /** Whether an importer writes. */
    public enum Writes {
        /** Writes the plan. */
        WRITE,
        /** Reads and plans, reports what it would write, writes nothing. */
        DRY_RUN,
        /** Writes nothing; anything a pass would still write is a mismatch. */
        VERIFY
    }

    /**
     * Imports a dataset.
     *
     * @param listed its ListDatasets entry, or null when Cognito did not list it
     * @param meta the store's metadata item as read, or null
     * @param whole whether to read every record from Cognito (a full pass) or only those after the watermark
     */
    public DatasetOutcome importDataset(IdentityId identity, DatasetName name, @Nullable SourceDataset listed,
            @Nullable StoredDataset meta, boolean whole) {
        StoredDataset known = meta;
        ImportAttempts attempts = new ImportAttempts();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DatasetSource read = read(identity, name, listed, known, whole);
            Planned planned = plan(identity, read, known);
            if (planned.plan().kind() == ImportPlan.Kind.NEEDS_FULL_READ) {
                read = read(identity, name, listed, known, true);
                planned = plan(identity, read, known);
            }
            ImportPlan plan = planned.plan();
            attempts.read(read.read().records().keySet());
            if (writes != Writes.WRITE || plan.transactions().isEmpty()) {
                return outcome(planned, read, attempts, compare(plan, read, known));
            }
            if (!plan.conflicts().isEmpty()) {
                journal.settling(identity, plan.conflicts());
            }
            if (execute(plan, attempts)) {
                List<String> mismatches = new ArrayList<>(verifyWritten(identity, name, plan));
                mismatches.addAll(notInCognito(plan, read));
                return outcome(planned, read, attempts, mismatches);
            }
            // planned again from a fresh read: what this attempt committed stays in `attempts`
            known = table.datasets(identity).get(name);
        }
        return DatasetOutcome.failed(name, "the dataset kept changing in the store during " + ATTEMPTS
                + " attempts; run the pass again");
    }

    /**
     * A plan, and whether devices had written the dataset on AppSync since the last pass when it was made.
     *
     * @param writtenOnAppSync {@link ImportPlanner#writtenOnAppSync(StoredDataset, StoredRecords)} of what it was
     *     made from
     */
    private record Planned(ImportPlan plan, boolean writtenOnAppSync) {
    }

    private Planned plan(IdentityId identity, DatasetSource read, @Nullable StoredDataset meta) {
        SyncCount partition = ImportPlanner.partitionToRead(meta, read.generation());
        StoredRecords stored = table.stored(SyncStoreLayout.recordPartition(identity, read.name(), partition));
        return new Planned(new ImportPlanner(policy, clock.instant()).plan(identity, read, meta, stored),
                meta != null && ImportPlanner.writtenOnAppSync(meta, stored));
    }

    /**
     * Reads the source and finds where Cognito's current incarnation starts (its last deletion).
     *
     * @throws UnstorableDatasetException when a record holds text a DynamoDB string cannot
     */
    private DatasetSource read(IdentityId identity, DatasetName name, @Nullable SourceDataset listed,
            @Nullable StoredDataset meta, boolean whole) {
        SyncCount watermark = PlanSupport.watermarkOrZero(meta);
        // The name alone, where DatasetWriteBack.byContent also takes a dataset whose records stand above its count:
        // only a merge leaves a dataset so (Cognito stamps every write at its count, and keeps it through a deletion
        // and re-creation), so the two agree (KnownByContentTest). A store watermark Cognito's count falls below is
        // met here, by Cognito's answer.
        boolean byContent = meta != null && name.isMergedCopyName();
        SyncCount from = whole || meta == null || byContent ? SyncCount.ZERO : watermark;
        SourceRecords records;
        try {
            records = source.listRecords(identity, name, from);
        } catch (CountNotInDatasetException e) {
            // Cognito's count fell below the watermark: read it whole, and find its changes by content.
            from = SyncCount.ZERO;
            byContent = true;
            records = source.listRecords(identity, name, from);
        }
        StorableText.check(records.records().values());
        if (!records.exists()) {
            return new DatasetSource(name, listed, records, records.datasetSyncCount().next(),
                    records.deletedAfter(), byContent);
        }
        if (meta != null && from.isAfter(SyncCount.ZERO) && !records.deletedAfter()) {
            return new DatasetSource(name, listed, records, meta.generation(), false);
        }
        SyncCount deletedAt = source.lastDeletion(identity, name, from, records);
        SyncCount generation = deletedAt.equals(SyncCount.ZERO) ? SyncCount.ZERO : deletedAt.next();
        // A deletion an earlier pass settled by keeping AppSync's live data (sourceDeletedAt on a live dataset; on a
        // deleted one it is the write-back's own deletion, shared) is not one since: what Cognito wrote after it (the
        // user started the dataset again) is changes after the watermark, beside the data kept.
        boolean settled = meta != null && !meta.deleted() && deletedAt.equals(meta.sourceDeletedAt());
        boolean since = watermark.isAfter(SyncCount.ZERO) && deletedAt.compareTo(watermark) >= 0 && !settled;
        return new DatasetSource(name, listed, records, generation, since, byContent);
    }

    /**
     * Runs the plan, noting in {@code attempts} each transaction the store applied (a copy's records found already
     * there are left out of it); false when the store moved under it.
     */
    private boolean execute(ImportPlan plan, ImportAttempts attempts) {
        for (PlannedTransaction transaction : plan.transactions()) {
            PlannedTransaction remaining = transaction;
            while (true) {
                Optional<List<Integer>> failed = table.write(remaining.actions());
                if (failed.isEmpty()) {
                    attempts.committed(remaining);
                    break;
                }
                TreeSet<Integer> writes = new TreeSet<>();
                PlannedTransaction sent = remaining;
                failed.get().forEach(index -> writes.add(sent.writeAt(index)));
                if (writes.contains(-1) || plan.kind() != ImportPlan.Kind.COPY) {
                    return false;
                }
                remaining = remaining.without(List.copyOf(writes));
            }
        }
        return true;
    }

    /**
     * Where the store differs from a source it is meant to hold (a plan that is not written): behind it, records it
     * holds at Cognito's count with other contents (the plan's repairs, named on their own lines rather than counted
     * as the store being behind), records Cognito does not have, and a metadata item that alone differs, by the
     * attributes that do.
     */
    private List<String> compare(ImportPlan plan, DatasetSource read, @Nullable StoredDataset meta) {
        List<Record> repairs = plan.transactions().stream().flatMap(t -> t.writes().stream())
                .filter(PlannedTransaction.Write::repair).map(PlannedTransaction.Write::record).toList();
        long behind = plan.recordsWritten() - repairs.size();
        // Removals of records Cognito's read does not hold: those of an incarnation Cognito deleted (copiedAndDeleted)
        long removals = plan.transactions().stream().flatMap(t -> t.writes().stream())
                .map(PlannedTransaction.Write::record)
                .filter(r -> r.isTombstone() && !read.read().records().containsKey(r.key())).count();
        List<String> differing = new ArrayList<>();
        repairs.forEach(record -> differing.add("record " + record.key() + " at count " + record.syncCount()
                + " differs from Cognito's"));
        differing.addAll(notInCognito(plan, read));
        List<String> mismatches = new ArrayList<>();
        if (writes == Writes.VERIFY && !plan.transactions().isEmpty() && !onlyRelistsConflicts(plan, meta)
                && !onlyRecordsADeletionOnAppSync(plan, read)) {
            String unwritten = unwritten(plan, new Behind(behind, removals), differing.isEmpty(), meta);
            if (unwritten != null) {
                mismatches.add(unwritten);
            }
        }
        mismatches.addAll(differing);
        return mismatches;
    }

    /**
     * Whether {@code plan} only writes the metadata item again to list conflicts that kept AppSync's side, the
     * watermark where it is: what a dataset known by content (a merged copy) that a device changed on AppSync gets at
     * every pass. Nothing of Cognito's is missing from the store, and the conflicts are reported as conflicts. The
     * rewrite may change only the import bookkeeping: a write-back's mark it would take off is a difference to report.
     */
    private static boolean onlyRelistsConflicts(ImportPlan plan, @Nullable StoredDataset meta) {
        StoredDataset after = plan.expectedMeta();
        return plan.kind() == ImportPlan.Kind.WATERMARK && meta != null && after != null
                && Objects.equals(after.sourceWatermark(), meta.sourceWatermark())
                && plan.conflicts().stream().noneMatch(Conflict::cognitoWon)
                && BOOKKEEPING.containsAll(differingAttributes(after, meta));
    }

    /**
     * Whether {@code plan} only records, in a merged copy a device started again on AppSync, the device's deletion of
     * Cognito's records the new incarnation lacks (removals by the migrator, settling nothing for Cognito): AppSync
     * holds the copy ahead of Cognito Sync, its differences revisions, not mismatches.
     */
    private static boolean onlyRecordsADeletionOnAppSync(ImportPlan plan, DatasetSource read) {
        return plan.kind() == ImportPlan.Kind.REVISIONS && plan.conflicts().stream().noneMatch(Conflict::cognitoWon)
                && plan.transactions().stream().flatMap(t -> t.writes().stream()).map(PlannedTransaction.Write::record)
                        .allMatch(r -> RevisionPlanner.migratorsRemoval(r)
                                && read.read().records().containsKey(r.key()));
    }

    /**
     * What a store is behind its source by.
     *
     * @param records Cognito's records a pass would write
     * @param removals records of an incarnation Cognito deleted that a pass would remove
     */
    private record Behind(long records, long removals) {

        boolean nothing() {
            return records == 0 && removals == 0;
        }

        @Override
        public String toString() {
            String written = "write " + records + (records == 1 ? " record" : " records");
            if (removals == 0) {
                return written;
            }
            String removed = "remove " + removals + (removals == 1 ? " record" : " records")
                    + " of a dataset Cognito Sync deleted";
            return records == 0 ? removed : written + " and " + removed;
        }
    }

    /**
     * What a pass would write beside the records named as differing: {@code behind}, or, when it would write no
     * record, the metadata item by the attributes that differ; null when the differing records say it all.
     */
    private static @Nullable String unwritten(ImportPlan plan, Behind behind, boolean noneDiffering,
            @Nullable StoredDataset meta) {
        if (behind.nothing() && !noneDiffering) {
            return null;
        }
        List<String> attributes = behind.nothing() ? differingAttributes(plan.expectedMeta(), meta) : List.of();
        if (!attributes.isEmpty()) {
            return "the dataset's metadata differs from Cognito Sync's (" + String.join(", ", attributes)
                    + "): a pass would write it";
        }
        return "the store is behind Cognito Sync: a pass would " + behind + " in " + plan.transactions().size()
                + (plan.transactions().size() == 1 ? " transaction" : " transactions")
                + (plan.kind() == ImportPlan.Kind.REVISIONS ? ", as new AppSync revisions" : "");
    }

    /** The attributes of the store's metadata item {@code held} that differ from {@code meant}'s, by name. */
    private static List<String> differingAttributes(@Nullable StoredDataset meant, @Nullable StoredDataset held) {
        if (meant == null || held == null) {
            return List.of();
        }
        Map<String, AttributeValue> a = DatasetItems.toItem(meant).attributes();
        Map<String, AttributeValue> b = DatasetItems.toItem(held).attributes();
        return Stream.concat(a.keySet().stream(), b.keySet().stream()).distinct()
                .filter(name -> !Objects.equals(a.get(name), b.get(name))).sorted().toList();
    }

    /**
     * After a read of every record of a dataset nobody wrote on AppSync since the last pass, the records the store
     * holds (or, once the plan is written, will hold) that Cognito does not have. On a dataset devices wrote on
     * AppSync, differences are revisions, not faults.
     */
    private static List<String> notInCognito(ImportPlan plan, DatasetSource read) {
        boolean copied = (plan.kind() == ImportPlan.Kind.CURRENT || plan.kind() == ImportPlan.Kind.COPY)
                && ImportPlanner.untouched(plan.expectedMeta());
        if (!copied || !read.read().exists() || !read.read().lastSyncCount().equals(SyncCount.ZERO)) {
            return List.of();
        }
        return plan.expectedRecords().keySet().stream().filter(key -> !read.read().records().containsKey(key))
                .map(key -> "record " + key + " is in the store but not in Cognito Sync").toList();
    }

    /**
     * Reads the store back after a write and compares it with what the plan meant it to hold. The records are read
     * before the metadata: a device's push moves the dataset's count with its records in one transaction, so a
     * metadata item still at the planned count proves that none landed before the records were read, and one landing
     * meanwhile is seen as the count moved on, not as records that differ.
     */
    private List<String> verifyWritten(IdentityId identity, DatasetName name, ImportPlan plan) {
        StoredDataset expected = plan.expectedMeta();
        Map<RecordKey, Record> records = table.records(SyncStoreLayout.recordPartition(identity, name,
                plan.partition()));
        StoredDataset after = table.datasets(identity).get(name);
        boolean movedOn = after != null && expected != null
                && after.metadata().syncCount().isAfter(expected.metadata().syncCount());
        if (expected == null || movedOn) {
            // devices wrote it on AppSync since: what this pass wrote is no longer the whole of it
            return List.of();
        }
        if (!PlanSupport.sameItem(expected, after)) {
            return List.of("dataset metadata differs from what was written");
        }
        List<String> mismatches = new ArrayList<>();
        plan.expectedRecords().forEach((key, record) -> {
            if (!record.equals(records.get(key))) {
                mismatches.add("record " + key + " differs from what was written");
            }
        });
        records.keySet().stream().filter(key -> !plan.expectedRecords().containsKey(key))
                .forEach(key -> mismatches.add("record " + key + " is in the store but was not expected"));
        return mismatches;
    }

    /**
     * The outcome of the final plan. When the pass writes, a record it read counts as written if any attempt
     * committed it (once, however many did), also when an attempt cut short wrote it and the final plan found it
     * already there, or kept a device's change made over it since; the records read include those only earlier
     * attempts read. Any other record read whose change a conflict settled for AppSync's side counts as kept, neither
     * written nor current. Bytes and transactions are those the store applied. A dry run or verify counts what the
     * plan would write.
     */
    private DatasetOutcome outcome(Planned planned, DatasetSource read, ImportAttempts attempts,
            List<String> mismatches) {
        ImportPlan plan = planned.plan();
        Set<RecordKey> last = read.read().records().keySet();
        Set<RecordKey> kept = plan.recordsKept(last);
        boolean wrote = writes == Writes.WRITE;
        long keptUnwritten = wrote ? attempts.unwritten(kept) : kept.size();
        long records = plan.recordsWritten() + plan.recordsCurrent() + attempts.readBefore(last) + kept.size()
                - keptUnwritten;
        long written = wrote ? attempts.recordsWritten() : plan.recordsWritten();
        long bytes = wrote ? attempts.bytes() : plan.transactions().stream().flatMap(t -> t.writes().stream())
                .mapToLong(w -> w.record().storageBytes()).sum();
        long transactions = wrote ? attempts.transactions() : plan.transactions().size();
        // a plan that keeps AppSync's side against the deletion (only removing a first copy's records) is no deletion
        boolean deletion = !read.read().exists()
                && (plan.kind() == ImportPlan.Kind.COPY || plan.kind() == ImportPlan.Kind.REVISIONS)
                && plan.expectedMeta() != null && plan.expectedMeta().deleted();
        return new DatasetOutcome(read.name(), plan.kind(), written, records - written, keptUnwritten, bytes,
                transactions, plan.conflicts(), mismatches, plan.failure(), planned.writtenOnAppSync(),
                deletion, null);
    }
}
