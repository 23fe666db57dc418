package dev.syncshift.migrator.target;

import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncLimits;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.core.layout.WriteBackMark;
import dev.syncshift.migrator.source.SourceDataset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Revision mode: devices already wrote the dataset on AppSync since the last pass (its count passed the
 * watermark), so AppSync's numbering has moved on and Cognito's changes are applied as new AppSync revisions, as a
 * push would be: the count rises by one per transaction and is stamped on every record it writes, so switched
 * devices pull them. Changes made on both sides are settled by the {@link ConflictPolicy}.
 */
final class RevisionPlanner {

    /** The writer of the changes an import makes on its own: deletions Cognito Sync applied to whole datasets. */
    private static final String MIGRATOR = "syncshift-migrator";

    private final ConflictPolicy policy;
    private final Instant now;

    RevisionPlanner(ConflictPolicy policy, Instant now) {
        this.policy = policy;
        // the store keeps dates in milliseconds: a date it is to hold must read back equal
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    ImportPlan plan(IdentityId identity, DatasetSource source, StoredDataset meta, StoredRecords partition) {
        SyncCount watermark = source.read().datasetSyncCount();
        Map<RecordKey, Record> stored = partition.byKey();
        if (!source.read().exists()) {
            return deletedInCognito(identity, source, meta, partition, watermark);
        }
        if (meta.deleted()) {
            return deletedOnAppSync(identity, source, meta, stored, watermark);
        }
        boolean newGenerationSincePass = ImportPlanner.deletedOnAppSyncSinceLastPass(meta);
        boolean byAPass = startedByAPass(source, meta);
        if (newGenerationSincePass && (byAPass || !partition.imported().isEmpty() && !source.deletedSinceWatermark())) {
            // A pass writing Cognito's dataset into a new generation, stopped or interrupted by a push before its last
            // transaction: completed from a read of the whole dataset, a push into it weighed as any AppSync change.
            // Not once Cognito deleted the dataset and started it again since that pass read it (its incarnation's
            // creation is no longer the generation's): that deletion is weighed below, against AppSync's writes.
            return source.read().lastSyncCount().isAfter(SyncCount.ZERO) ? needsFullRead(meta, stored)
                    : merge(identity, source, meta, partition, true);
        }
        if (source.deletedSinceWatermark()) {
            Conflict conflict = ImportPlanner.writtenOnAppSync(meta, partition) ? datasetConflict(source,
                    created(source), meta, "deleted and re-created in Cognito Sync, changed on AppSync since the last "
                    + "pass") : null;
            if (conflict != null && !conflict.cognitoWon()) {
                return PlanSupport.watermarkOnly(meta, watermark, stored, List.of(conflict), 0);
            }
            List<Record> all = sorted(source.read().all());
            return revisions(identity, source, meta, meta.metadata().syncCount().next(), Map.of(), all,
                    listed(conflict), 0);
        }
        if (newGenerationSincePass) {
            return startedAgainOnAppSync(identity, source, meta, partition, watermark);
        }
        return merge(identity, source, meta, partition, false);
    }

    /**
     * Whether the live generation, begun above the count the last import left, was started by a pass writing
     * Cognito's dataset into it: dated at the creation of Cognito's incarnation, which pushes keep, where a device
     * starting the dataset again on AppSync dates it at its push. Told so also once devices pushed over every record
     * that pass marked {@code imported}.
     */
    private boolean startedByAPass(DatasetSource source, StoredDataset meta) {
        return meta.metadata().creationDate().equals(created(source).truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * A live generation begun above the count the last import left, holding no record an import marked (a pass writing
     * Cognito's dataset into a new generation and stopped would have; a device's deletion leaves none, its pushes
     * write unmarked heads, and its import into such a generation is refused): a device deleted the dataset on AppSync
     * and started it again. Against a Cognito change since, a dataset-level conflict ({@link #recreatedOnAppSync});
     * without one, the pass records that it saw the new incarnation ({@link #seen}), so that later Cognito changes are
     * merged into it key by key.
     */
    private ImportPlan startedAgainOnAppSync(IdentityId identity, DatasetSource source, StoredDataset meta,
            StoredRecords partition, SyncCount watermark) {
        Map<RecordKey, Record> stored = partition.byKey();
        if (changedInCognito(identity, source, meta, stored)) {
            return recreatedOnAppSync(identity, source, meta, stored, watermark);
        }
        return seen(meta, source.changesByContent() ? keptIncarnation(identity, source, meta, stored, List.of())
                : merge(identity, source, meta, partition, false));
    }

    /**
     * A dataset known by content (a merged copy) that a device started again on AppSync, kept as it is: every pass
     * reads such a dataset whole and applies the records the store lacks, so the new incarnation records the device's
     * deletion of each of Cognito's live records it lacks, as a removal by the migrator dated as Cognito's version
     * ({@link #removedOnAppSync}). Not marked {@code imported}: they are the device's deletion, not Cognito's change.
     * A later Cognito change to such a key is dated later, and merged key by key.
     */
    private ImportPlan keptIncarnation(IdentityId identity, DatasetSource source, StoredDataset meta,
            Map<RecordKey, Record> stored, List<Conflict> conflicts) {
        List<Record> removals = sorted(source.read().all()).stream()
                .filter(r -> !r.isTombstone() && !stored.containsKey(r.key()))
                .map(r -> new Record(r.key(), null, r.syncCount(), r.lastModifiedDate(), MIGRATOR, null))
                .toList();
        List<Conflict> listed = new ArrayList<>(conflicts);
        if (conflicts.isEmpty()) {
            // a record the device wrote again, which every later pass lists as merge does (no Cognito change since,
            // so Cognito's version is not the later)
            sorted(source.read().all()).stream().filter(r -> differs(stored.get(r.key()), r))
                    .forEach(r -> listed.add(keptUnknown(source, r, Objects.requireNonNull(stored.get(r.key())))));
        }
        // none of Cognito's records is written: current, or kept with the new incarnation against Cognito's change
        return revisions(identity, source, meta, new Into(meta.generation(), false), stored, removals, listed,
                conflicts.isEmpty() ? source.read().records().size() - listed.size() : 0);
    }

    /** Whether the store holds {@code held} as a version of Cognito's {@code cognito} with another value. */
    private static boolean differs(@Nullable Record held, Record cognito) {
        return held != null && !Objects.equals(held.value(), cognito.value()) && !removedOnAppSync(held, cognito);
    }

    /**
     * Whether the store's {@code held} records that a device deleted Cognito's version {@code cognito} of its key on
     * AppSync ({@link #keptIncarnation}): a removal by the migrator, dated as that version.
     */
    private static boolean removedOnAppSync(Record held, Record cognito) {
        return migratorsRemoval(held) && held.lastModifiedDate().equals(cognito.lastModifiedDate());
    }

    /**
     * Whether {@code record} is a removal the migrator made on its own: of a deleted incarnation's records
     * ({@link #copiedAndDeleted}), or recording a device's deletion ({@link #keptIncarnation}). Neither is a record of
     * Cognito's written.
     */
    static boolean migratorsRemoval(Record record) {
        return record.isTombstone() && MIGRATOR.equals(record.lastModifiedBy());
    }

    /**
     * {@code plan}, writing, when it writes nothing, that the pass saw the incarnation a device started on AppSync:
     * {@code importedAt} up to its generation (no record of it stands at or below it), so that it is no longer taken
     * for a deletion since the last pass.
     */
    private static ImportPlan seen(StoredDataset meta, ImportPlan plan) {
        if (plan.kind() != ImportPlan.Kind.CURRENT) {
            return plan;
        }
        return writingOnly(meta, meta.importedAt(meta.generation()), plan);
    }

    /** {@code plan}'s outcome, its one transaction writing the metadata item {@code after} over {@code meta}. */
    private static ImportPlan writingOnly(StoredDataset meta, StoredDataset after, ImportPlan plan) {
        PlannedTransaction transaction = new PlannedTransaction(new PutAction(DatasetItems.toItem(after),
                ImportTransactions.unchanged(meta)), List.of());
        return new ImportPlan(ImportPlan.Kind.WATERMARK, List.of(transaction), after, plan.partition(),
                plan.expectedRecords(), 0, plan.recordsCurrent(), plan.conflicts(), null);
    }

    private static ImportPlan needsFullRead(StoredDataset meta, Map<RecordKey, Record> stored) {
        return new ImportPlan(ImportPlan.Kind.NEEDS_FULL_READ, List.of(), meta, meta.generation(), stored, 0, 0,
                List.of(), null);
    }

    /**
     * A dataset a device deleted on AppSync since the last pass and started again there, which Cognito changed since:
     * a dataset-level conflict, as a deletion on one side against a change on the other is. Applying Cognito's changes
     * into the new incarnation would bring back records the device deleted. AppSync's side keeps the new incarnation;
     * Cognito's replaces it with Cognito's dataset, read whole, in a new generation.
     */
    private ImportPlan recreatedOnAppSync(IdentityId identity, DatasetSource source, StoredDataset meta,
            Map<RecordKey, Record> stored, SyncCount watermark) {
        Conflict conflict = datasetConflict(source, modified(source), meta,
                "deleted and re-created on AppSync, changed in Cognito Sync since the last pass");
        if (!conflict.cognitoWon()) {
            return source.changesByContent() ? keptIncarnation(identity, source, meta, stored, List.of(conflict))
                    : PlanSupport.watermarkOnly(meta, watermark, stored, List.of(conflict), 0);
        }
        if (source.read().lastSyncCount().isAfter(SyncCount.ZERO)) {
            return needsFullRead(meta, stored);
        }
        return revisions(identity, source, meta, meta.metadata().syncCount().next(), Map.of(),
                sorted(source.read().all()), List.of(conflict), 0);
    }

    /**
     * Whether Cognito changed the dataset since the watermark into something AppSync's live incarnation
     * ({@code stored}) does not hold: a record whose value (or removal) the store holds, or lacks as Cognito does, is
     * none; nor is a write-back's own copy (a record written with developer credentials since the count its mark was
     * based on, over a key the store holds above the count the mark read, or lacks in a generation begun above it),
     * which {@link #merge} keeps for AppSync. A dataset known by content (a merged copy) has counts that say nothing of
     * when its records changed: its records dated after the new incarnation's creation are weighed instead, so a change
     * Cognito got between the last pass and the device's re-creation is taken as one the device deleted.
     */
    private static boolean changedInCognito(IdentityId identity, DatasetSource source, StoredDataset meta,
            Map<RecordKey, Record> stored) {
        boolean byContent = source.changesByContent();
        SyncCount since = byContent ? SyncCount.ZERO : PlanSupport.watermarkOrZero(meta);
        Instant recreated = meta.metadata().creationDate();
        WriteBackMark mark = meta.writeBack();
        SyncCount watermark = PlanSupport.watermarkOrZero(meta);
        return source.read().all().stream().filter(r -> r.syncCount().isAfter(since))
                .filter(r -> !byContent || r.lastModifiedDate().isAfter(recreated) || r.syncCount().isAfter(watermark))
                .anyMatch(r -> {
            Record held = stored.get(r.key());
            if (Objects.equals(held == null ? null : held.value(), r.value())
                    || held != null && removedOnAppSync(held, r)) {
                return false;
            }
            return mark == null || !mark.mayHaveOverwritten(r.syncCount(), r.lastModifiedBy(), identity,
                    held == null ? meta.generation() : held.syncCount());
        });
    }

    private ImportPlan deletedInCognito(IdentityId identity, DatasetSource source, StoredDataset meta,
            StoredRecords partition, SyncCount watermark) {
        Map<RecordKey, Record> stored = partition.byKey();
        if (meta.deleted() || watermark.equals(meta.sourceDeletedAt())) {
            // Deleted on both sides, or a deletion an earlier pass settled by keeping AppSync's data: nothing new.
            return PlanSupport.watermarkOnly(meta, watermark, stored, List.of(), 0);
        }
        Conflict conflict = ImportPlanner.writtenOnAppSync(meta, partition) ? new Conflict(source.name(), null,
                policy == ConflictPolicy.KEEP_COGNITO, null, meta.metadata().lastModifiedDate(),
                "deleted in Cognito Sync, changed on AppSync since the last pass") : null;
        if (conflict != null && !conflict.cognitoWon()) {
            // Cognito keeps a deleted dataset's count, so the watermark cannot move past this deletion: remember it.
            List<Record> removals = copiedAndDeleted(source, meta, partition, false);
            if (!removals.isEmpty()) {
                Conflict kept = new Conflict(conflict.dataset(), null, false, null, conflict.appSyncDate(),
                        "deleted in Cognito Sync while a first copy of it was unfinished, changed on AppSync since: "
                        + "AppSync's changes kept, the " + removals.size() + " records the copy had stored removed");
                return revisions(identity, source, meta, meta.generation(), stored, removals, List.of(kept), 0);
            }
            return PlanSupport.watermarkOnly(meta.withSourceDeletedAt(watermark), watermark, stored, List.of(conflict),
                    0);
        }
        SyncCount next = meta.metadata().syncCount().next();
        StoredDataset after = PlanSupport.meta(meta.metadata().key(),
                new PlanSupport.Dates(meta.metadata().creationDate(), now, MIGRATOR), Map.of(), next,
                true, next, watermark).asRenumbered().importedAt(next);
        PlannedTransaction delete = new PlannedTransaction(new PutAction(DatasetItems.toItem(after),
                ImportTransactions.unchanged(meta)), List.of());
        return new ImportPlan(ImportPlan.Kind.REVISIONS, List.of(delete), after, next, Map.of(), 0, 0,
                listed(conflict), null);
    }

    private static List<Conflict> listed(@Nullable Conflict conflict) {
        return conflict == null ? List.of() : List.of(conflict);
    }

    private ImportPlan deletedOnAppSync(IdentityId identity, DatasetSource source, StoredDataset meta,
            Map<RecordKey, Record> stored, SyncCount watermark) {
        SyncCount since = PlanSupport.watermarkOrZero(meta);
        // a dataset known by content (a merged copy) by date too, as changedInCognito tells it: since the deletion
        Instant deleted = meta.metadata().lastModifiedDate();
        boolean changed = source.deletedSinceWatermark() || source.read().all().stream()
                .anyMatch(r -> r.syncCount().isAfter(since)
                        || source.changesByContent() && r.lastModifiedDate().isAfter(deleted));
        if (!changed) {
            return keptDeleted(source, meta, PlanSupport.watermarkOnly(meta, watermark, stored, List.of(),
                    source.read().records().size()));
        }
        if (deletedOverWriteBack(identity, source, meta, since)) {
            return keptDeleted(source, meta, PlanSupport.watermarkOnly(meta, watermark, stored, List.of(new Conflict(
                    source.name(), null, false, modified(source), meta.metadata().lastModifiedDate(), "deleted on "
                    + "AppSync after a write-back read it; Cognito's changes since, written with developer "
                    + "credentials, may be that write-back's own copy: the deletion kept")), 0));
        }
        // A deletion both sides share, the store's made before the last import moved the watermark and Cognito's at or
        // after it (Cognito's own, imported, or the one a write-back gave Cognito), is no conflict with what Cognito
        // wrote after it: a re-creation, applied. An AppSync deletion Cognito never had stays a conflict at every
        // pass, also once a pass settled it for AppSync: re-creating the dataset from Cognito would bring back the
        // values that pass refused.
        boolean shared = !ImportPlanner.writtenOnAppSync(meta) && source.deletedSinceWatermark();
        Conflict conflict = shared ? null : datasetConflict(source, modified(source), meta,
                "deleted on AppSync, changed in Cognito Sync since the last pass");
        if (conflict != null && !conflict.cognitoWon()) {
            return keptDeleted(source, meta, PlanSupport.watermarkOnly(meta, watermark, stored, List.of(conflict), 0));
        }
        if (source.read().lastSyncCount().isAfter(SyncCount.ZERO) && !source.deletedSinceWatermark()) {
            return needsFullRead(meta, stored);
        }
        return revisions(identity, source, meta, meta.generation(), Map.of(), sorted(source.read().all()),
                listed(conflict), 0);
    }

    /**
     * {@code plan}, keeping a dataset deleted on AppSync as it is; on a dataset known by content (a merged copy):
     * <ul>
     *   <li>with {@code importedAt} where it was rather than at the deletion's count: a device starting the copy again
     *       does so in the deletion's generation, which must stand above {@code importedAt} to be told for a
     *       re-creation ({@link #startedAgainOnAppSync}), since every pass weighs such a copy whole and would otherwise
     *       bring back each record the device deleted (on any other dataset the watermark hides them);</li>
     *   <li>dated at the latest of Cognito's changes it weighed, if later than the deletion: the changes since the
     *       deletion are told by date ({@link #deletedOnAppSync}), and those this pass settled are no change since
     *       (on any other dataset the watermark moves past them).</li>
     * </ul>
     */
    private static ImportPlan keptDeleted(DatasetSource source, StoredDataset meta, ImportPlan plan) {
        StoredDataset written = plan.expectedMeta();
        if (!source.changesByContent() || plan.kind() != ImportPlan.Kind.WATERMARK || written == null) {
            return plan;
        }
        DatasetMetadata m = written.metadata();
        Instant weighed = source.read().all().stream().map(Record::lastModifiedDate)
                .filter(d -> d.isAfter(m.lastModifiedDate())).max(Instant::compareTo).orElse(m.lastModifiedDate());
        StoredDataset after = new StoredDataset(new DatasetMetadata(m.key(), m.creationDate(), weighed,
                m.lastModifiedBy(), m.dataStorage(), m.numRecords(), m.syncCount()), written.deleted(),
                written.generation(), written.sourceWatermark(), written.renumbered(), written.sourceDeletedAt(),
                written.copiedUpTo(), meta.importedAt(), written.writeBack(), written.firstCopyUpTo());
        return writingOnly(meta, after, plan);
    }

    /** As {@link #plan}; {@code whole}: every record of Cognito's (read whole) is weighed, not those after W. */
    private ImportPlan merge(IdentityId identity, DatasetSource source, StoredDataset meta,
            StoredRecords partition, boolean whole) {
        Map<RecordKey, Record> stored = partition.byKey();
        // Cognito's records are compared with the watermark, a Cognito count; the store's with the count at which the
        // last import caught up, an AppSync count: once the store renumbered, the two counts part ways. A source whose
        // changes are known by content was read whole: a record the store holds as it is is no change.
        SyncCount since = whole || source.changesByContent() ? SyncCount.ZERO : PlanSupport.watermarkOrZero(meta);
        SyncCount changedHereAfter = meta.changedOnAppSyncAfter();
        List<Record> apply = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        long current = 0;
        for (Record record : sorted(source.read().all())) {
            Record held = stored.get(record.key());
            if (!record.syncCount().isAfter(since) || held != null && (PlanSupport.sameChange(held, record)
                    || removedOnAppSync(held, record))) {
                current++;
            } else if (held != null && Objects.equals(held.value(), record.value())) {
                // the value the store holds (a write-back's own write read back, or both sides changed alike): no
                // change to apply and no conflict
                current++;
            } else if (meta.writeBack() != null && meta.writeBack().mayHaveOverwritten(record.syncCount(),
                    record.lastModifiedBy(), identity, held == null ? meta.generation() : held.syncCount())) {
                conflicts.add(keptOverWriteBack(source, record, held, meta));
            } else if (source.changesByContent() && held != null
                    && !record.lastModifiedDate().isAfter(held.lastModifiedDate())) {
                // held is AppSync's write (a copy of Cognito's would be as old as Cognito's version, or older), kept
                // at every pass: once kept, it is no longer above the count that pass left
                conflicts.add(keptUnknown(source, record, held));
            } else if (held == null || !held.syncCount().isAfter(changedHereAfter)
                    || partition.imported().contains(held.key()) || MIGRATOR.equals(held.lastModifiedBy())) {
                // not changed on AppSync since the last pass: stored by an import, or applied as a revision by a pass
                // stopped before the watermark moved (Cognito's change, or a removal copiedAndDeleted made, which an
                // earlier version wrote without the mark but as syncshift-migrator)
                apply.add(record);
            } else if (policy.cognitoWins(record.lastModifiedDate(), held.lastModifiedDate())) {
                apply.add(record);
                conflicts.add(recordConflict(source, record, held, true));
            } else {
                conflicts.add(recordConflict(source, record, held, false));
            }
        }
        apply.addAll(copiedAndDeleted(source, meta, partition, whole));
        return revisions(identity, source, meta, meta.generation(), stored, apply, conflicts, current);
    }

    /**
     * Removals of the live records an unfinished first copy stored ({@link StoredDataset#firstCopyMark()}: records at
     * most its mark; a push counts above it), or that a pass completing it applied as revisions before it was stopped
     * ({@link StoredRecords#imported()}), whose key Cognito's read lacks: records of an incarnation Cognito deleted
     * after the copy read it (within one incarnation Cognito keeps a removed key as a removal, and a dataset at
     * watermark 0 is read whole). A copy is not a change made on AppSync: they go as Cognito's deletion took them,
     * whatever the policy. Dated at the new incarnation's creation, or now when Cognito has none. {@code whole}: the
     * read is whole and completes a pass that wrote Cognito's dataset into a new generation: its marked records too.
     */
    private List<Record> copiedAndDeleted(DatasetSource source, StoredDataset meta, StoredRecords partition,
            boolean whole) {
        SyncCount mark = meta.firstCopyMark();
        if (mark.equals(SyncCount.ZERO) && !whole) {
            return List.of();
        }
        Set<RecordKey> inCognito = source.read().all().stream().map(Record::key).collect(Collectors.toSet());
        Instant at = source.read().exists() ? created(source) : now;
        return partition.byKey().values().stream()
                .filter(r -> !r.isTombstone() && !inCognito.contains(r.key())
                        && (!r.syncCount().isAfter(mark) || partition.imported().contains(r.key())))
                .sorted(PlanSupport.BY_COUNT_THEN_KEY)
                .map(r -> new Record(r.key(), null, r.syncCount(), at, MIGRATOR, null))
                .toList();
    }

    /**
     * Applies {@code apply} as AppSync revisions into {@code generation}, starting a new generation when it differs
     * from the store's: one revision per transaction, the last moving the watermark.
     */
    private ImportPlan revisions(IdentityId identity, DatasetSource source, StoredDataset meta, SyncCount generation,
            Map<RecordKey, Record> stored, List<Record> apply, List<Conflict> conflicts, long current) {
        return revisions(identity, source, meta, new Into(generation, true), stored, apply, conflicts, current);
    }

    /** As above, into {@code into}'s generation, the records marked {@code imported} or not as it says. */
    private ImportPlan revisions(IdentityId identity, DatasetSource source, StoredDataset meta, Into into,
            Map<RecordKey, Record> stored, List<Record> apply, List<Conflict> conflicts, long current) {
        SyncCount generation = into.generation();
        SyncCount watermark = source.read().datasetSyncCount();
        // A dataset known by content is read whole by every pass, so no watermark hides a write-back's copy in it:
        // its mark stays until the write-back takes it off.
        boolean keepMark = source.changesByContent();
        if (apply.isEmpty()) {
            return PlanSupport.watermarkOnly(meta, watermark, stored, conflicts, current, keepMark);
        }
        String partition = SyncStoreLayout.recordPartition(identity, source.name(), generation);
        Map<RecordKey, Record> state = new HashMap<>(stored);
        String failure = limitFailure(state, apply);
        if (failure != null) {
            return ImportPlan.failed(meta, meta.generation(), stored, failure);
        }
        List<List<Record>> groups = ImportTransactions.pack(apply, r -> ImportTransactions.recordActions(partition,
                r, null, PlanSupport.pieces(state.get(r.key())), into.marked()), 1);
        boolean newGeneration = !generation.equals(meta.generation()) || meta.deleted();
        PlanSupport.Dates dates = newGeneration
                ? new PlanSupport.Dates(created(source), meta.metadata().lastModifiedDate(),
                        meta.metadata().lastModifiedBy())
                : PlanSupport.Dates.of(meta);
        // The last revision records a deletion in Cognito settled for AppSync's side (Cognito no longer has the
        // dataset), as watermarkOnly does; the ones before it keep a deletion an earlier pass settled, so that a plan
        // made again between them still takes it for settled (DatasetImporter.read).
        SyncCount deletedAt = source.read().exists() ? null : watermark;
        SyncCount settled = generation.equals(meta.generation()) && !meta.deleted() ? meta.sourceDeletedAt() : null;
        Chain chain = new Chain(meta, partition, into, state, dates, keepMark, new Deletions(settled, deletedAt));
        for (int i = 0; i < groups.size(); i++) {
            chain.add(groups.get(i), i == groups.size() - 1 ? watermark : null);
        }
        // Records of Cognito's written; the removals of a deleted incarnation's records (copiedAndDeleted), and a
        // device's deletion recorded unmarked (keptIncarnation), are not.
        long fromCognito = into.marked()
                ? apply.stream().filter(r -> source.read().records().containsKey(r.key())).count() : 0;
        return new ImportPlan(ImportPlan.Kind.REVISIONS, chain.transactions, chain.running, generation, state,
                fromCognito, current, conflicts, null);
    }

    /**
     * The Cognito deletion a revision chain's metadata items record ({@code sourceDeletedAt}).
     *
     * @param settled on the items before the last: the one an earlier pass settled for AppSync's side, if any
     * @param last on the last item: the one this plan settles for AppSync's side, if any
     */
    private record Deletions(@Nullable SyncCount settled, @Nullable SyncCount last) {
    }

    /**
     * Where revisions go.
     *
     * @param generation the generation they are written into
     * @param marked whether their records are marked {@code imported} (Cognito's changes, {@link Chain#add})
     */
    private record Into(SyncCount generation, boolean marked) {
    }

    /** Revisions one after the other, each conditioned on the metadata the previous one wrote. */
    private static final class Chain {
        private final String partition;
        private final Into into;
        private final Map<RecordKey, Record> state;
        private final List<PlannedTransaction> transactions = new ArrayList<>();
        private final boolean keepMark;
        private final boolean startsGeneration;
        private final Deletions deletions;
        private StoredDataset running;
        private PlanSupport.Dates dates;

        Chain(StoredDataset meta, String partition, Into into, Map<RecordKey, Record> state,
                PlanSupport.Dates dates, boolean keepMark, Deletions deletions) {
            this.keepMark = keepMark;
            this.deletions = deletions;
            this.startsGeneration = !into.generation().equals(meta.generation()) || meta.deleted();
            this.running = meta;
            this.partition = partition;
            this.into = into;
            this.state = state;
            this.dates = dates;
        }

        /** One revision of {@code records}; {@code watermark}, when not null, is where the last one moves it. */
        void add(List<Record> records, @Nullable SyncCount watermark) {
            // Above every record of an unfinished first copy too: a merged copy's stand above its count, and a push,
            // counting from this count, must not take a count the copy's records hold.
            SyncCount count = running.metadata().syncCount();
            SyncCount next = (running.firstCopyMark().isAfter(count) ? running.firstCopyMark() : count).next();
            List<PlannedTransaction.Write> writes = new ArrayList<>();
            for (Record record : records) {
                Record held = state.get(record.key());
                Record stamped = new Record(record.key(), record.value(), next, record.lastModifiedDate(),
                        record.lastModifiedBy(), record.deviceLastModifiedDate());
                // marked imported: Cognito's change, which a plan made before the chain's last transaction tells
                // from a device's by the mark (writtenOnAppSync, merge)
                writes.add(new PlannedTransaction.Write(stamped, ImportTransactions.recordActions(partition, stamped,
                        ImportTransactions.stillAt(held == null ? null : held.syncCount()), PlanSupport.pieces(held),
                        into.marked())));
                state.put(record.key(), stamped);
                dates = dates.touchedBy(record);
            }
            StoredDataset after = metadataAfter(next, watermark);
            transactions.add(new PlannedTransaction(new PutAction(DatasetItems.toItem(after),
                    ImportTransactions.unchanged(running)), writes));
            running = after;
        }

        /**
         * {@code importedAt} on an item before the last: kept, but below the generation of a chain starting one (a
         * dataset restored over a deletion on AppSync that an earlier pass kept stands in the deletion's generation,
         * where that pass left {@code importedAt}), so that a plan made before the last tells the chain by the records
         * it marked ({@link RevisionPlanner#plan}) and completes it from a whole read.
         */
        private @Nullable SyncCount belowGeneration(@Nullable SyncCount importedAt) {
            SyncCount generation = into.generation();
            if (!startsGeneration || importedAt == null || generation.isAfter(importedAt)
                    || generation.equals(SyncCount.ZERO)) {
                return importedAt;
            }
            return new SyncCount(generation.value() - 1);
        }

        /**
         * The metadata item a revision at {@code next} writes: one before the last keeps the watermark and
         * {@code importedAt} (a chain starting a generation so leaves it above {@code importedAt}, and the next plan
         * tells it from a deletion on AppSync by the records it marked: {@link RevisionPlanner#plan}).
         */
        private StoredDataset metadataAfter(SyncCount next, @Nullable SyncCount watermark) {
            boolean last = watermark != null;
            StoredDataset after = PlanSupport.meta(running.metadata().key(), dates, state, next, false,
                    into.generation(), last ? watermark : running.sourceWatermark()).asRenumbered()
                    .importedAt(last ? next : belowGeneration(running.importedAt()))
                    .withWriteBack(!last || keepMark ? running.writeBack() : null);
            after = PlanSupport.firstCopy(running, after);
            SyncCount deletedAt = last ? deletions.last() : deletions.settled();
            return deletedAt == null ? after : after.withSourceDeletedAt(deletedAt);
        }
    }

    private static @Nullable String limitFailure(Map<RecordKey, Record> stored, List<Record> apply) {
        Map<RecordKey, Record> after = new HashMap<>(stored);
        apply.forEach(r -> after.put(r.key(), r));
        long live = after.values().stream().filter(r -> !r.isTombstone()).count();
        long bytes = after.values().stream().mapToLong(Record::storageBytes).sum();
        if (live <= SyncLimits.MAX_RECORDS_PER_DATASET && bytes <= SyncLimits.MAX_DATASET_BYTES) {
            return null;
        }
        return "Cognito's changes and AppSync's together would hold " + live + " records and " + bytes
                + " bytes, over the dataset limits (" + SyncLimits.MAX_RECORDS_PER_DATASET + " records, "
                + SyncLimits.MAX_DATASET_BYTES + " bytes); nothing was applied";
    }

    private Conflict datasetConflict(DatasetSource source, Instant cognitoDate, StoredDataset meta, String reason) {
        Instant appSyncDate = meta.metadata().lastModifiedDate();
        return new Conflict(source.name(), null, policy.cognitoWins(cognitoDate, appSyncDate), cognitoDate,
                appSyncDate, reason);
    }

    /**
     * A record changed on AppSync whose Cognito version, found by content, differs but is not later: its count cannot
     * say whether Cognito changed it since the last pass (a merged copy's), so AppSync's stays whatever the policy
     * (one keeping Cognito's side would otherwise undo every AppSync write to it at every pass), and it is listed.
     */
    private static Conflict keptUnknown(DatasetSource source, Record cognito, Record appSync) {
        return new Conflict(source.name(), cognito.key(), false, cognito.lastModifiedDate(), appSync.lastModifiedDate(),
                "record changed on AppSync; Cognito's differs and is not later, and its count cannot say whether it "
                        + "changed since the last pass: AppSync's kept");
    }

    /**
     * Whether a deletion on AppSync came after a write-back read the store (its generation began above the mark's
     * count) and every Cognito change since the watermark may be that write-back's own copy of the dataset (none was
     * written by the identity's apps, and Cognito did not delete it): then they are no change made in Cognito.
     */
    private static boolean deletedOverWriteBack(IdentityId identity, DatasetSource source, StoredDataset meta,
            SyncCount since) {
        WriteBackMark mark = meta.writeBack();
        return mark != null && !source.deletedSinceWatermark() && source.read().all().stream()
                .filter(r -> r.syncCount().isAfter(since))
                .allMatch(r -> mark.mayHaveOverwritten(r.syncCount(), r.lastModifiedBy(), identity, meta.generation()));
    }

    /**
     * A record a device pushed on AppSync after a write-back read the store, whose Cognito version the write-back's
     * mark covers (written with developer credentials since the count it was based on): it may be the write-back's own
     * copy of the older value, which Cognito dated at the write, so AppSync's stays whatever the policy, and it is
     * listed.
     */
    private static Conflict keptOverWriteBack(DatasetSource source, Record cognito, @Nullable Record appSync,
            StoredDataset meta) {
        Instant appSyncDate = appSync == null ? meta.metadata().creationDate() : appSync.lastModifiedDate();
        return new Conflict(source.name(), cognito.key(), false, cognito.lastModifiedDate(), appSyncDate,
                "record pushed on AppSync after a write-back read it; Cognito's version, written with developer "
                        + "credentials since, may be that write-back's own copy of the older value: AppSync's kept");
    }

    private static Conflict recordConflict(DatasetSource source, Record cognito, Record appSync, boolean cognitoWon) {
        return new Conflict(source.name(), cognito.key(), cognitoWon, cognito.lastModifiedDate(),
                appSync.lastModifiedDate(), "record changed on both sides since the last pass");
    }

    private Instant created(DatasetSource source) {
        SourceDataset listed = source.listed();
        return listed != null ? listed.creationDate() : modified(source);
    }

    private Instant modified(DatasetSource source) {
        SourceDataset listed = source.listed();
        if (listed != null) {
            return listed.lastModifiedDate();
        }
        return source.read().all().stream().map(Record::lastModifiedDate).max(Instant::compareTo).orElse(now);
    }

    private static List<Record> sorted(java.util.Collection<Record> records) {
        return records.stream().sorted(PlanSupport.BY_COUNT_THEN_KEY).toList();
    }
}
