package dev.syncshift.migrator.target;

import dev.syncshift.core.ContractViolationException;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.core.layout.WriteBackMark;
import dev.syncshift.migrator.source.CognitoSource;
import dev.syncshift.migrator.source.CognitoWriter;
import dev.syncshift.migrator.source.DatasetDeletedWhileReadException;
import dev.syncshift.migrator.source.SourceDataset;
import dev.syncshift.migrator.source.SourceRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.LimitExceededException;

/**
 * Writes one dataset back into Cognito Sync, so that devices can return to it without losing what they wrote on
 * AppSync. The store is the whole truth once it holds every Cognito change (Cognito's count equals the store's
 * watermark): a delta import brings them first, settling changes made on both sides by the conflict policy. Then
 * Cognito is made to hold what the store holds, by content: one UpdateRecords of the records whose value differs
 * (removals included; a dataset re-created on AppSync also removes the keys its new incarnation lacks), each patch
 * naming the Cognito count it replaces, or a DeleteDataset for a dataset deleted on AppSync. Last, the store's
 * watermark moves to the count that write made, so that the next delta pass does not take it for a change made in
 * Cognito Sync. Until then the dataset carries a mark ({@link WriteBackMark}), put before the write, so that no import
 * in between (a switched device's, or the next pass after a crash) takes the write's copy of a value a device pushed
 * since for a newer Cognito change. A dataset Cognito changed meanwhile is imported and compared again. Thread-safe.
 */
public final class DatasetWriteBack {

    private static final int ATTEMPTS = 5;
    /**
     * Why a dataset known by content, deleted on AppSync, is not deleted in Cognito Sync: a Cognito write to it since
     * the last pass may sit below the count the store holds, so no pass can tell it from an old record, and a
     * DeleteDataset would delete it unseen.
     */
    static final String MERGED_COPY_DELETED = "deleted on AppSync but not in Cognito Sync, which is left as it is: "
            + "a merged copy's changes there since the last pass cannot be told by count, and deleting it could delete "
            + "them; delete it in Cognito Sync by hand once nothing there is to be kept";

    private final CognitoSource source;
    private final CognitoWriter writer;
    private final SyncStoreTable table;
    private final DatasetImporter importer;

    /** A write-back from {@code table} into {@code source}'s pool, importing with {@code importer} first. */
    public DatasetWriteBack(CognitoSource source, CognitoWriter writer, SyncStoreTable table,
            DatasetImporter importer) {
        this.source = source;
        this.writer = writer;
        this.table = table;
        this.importer = importer;
    }

    /**
     * Writes the dataset back after {@code imported}, the delta import that just brought Cognito's changes; a failed
     * import is not written back. What earlier attempts wrote into Cognito is reported also when a later one fails:
     * on data that cannot be migrated (the import of a change a device made meanwhile) or a write Cognito refused.
     */
    public DatasetOutcome writeBack(IdentityId identity, DatasetName name, DatasetOutcome imported) {
        Progress progress = new Progress(imported);
        try {
            attempt(identity, name, progress);
        } catch (ContractViolationException | IllegalArgumentException | UnstorableDatasetException
                | DatasetDeletedWhileReadException bad) {
            progress.outcome = progress.outcome.failedFor(IdentityMigrator.reason(bad));
        } catch (LimitExceededException | InvalidParameterException refused) {
            progress.outcome = progress.outcome.failedFor("Cognito Sync refused the write: "
                    + (refused.awsErrorDetails() == null ? refused.getMessage()
                    : refused.awsErrorDetails().errorMessage()));
        }
        DatasetOutcome outcome = progress.outcome;
        Written written = progress.written;
        if (written.records() > 0 || written.deleted()) {
            outcome = outcome.with(new DatasetOutcome.WrittenBack(written.records(), written.deleted()));
        }
        return written.done() || progress.gone || outcome.failure() != null ? outcome
                : outcome.failedFor("Cognito Sync or the store kept changing during " + ATTEMPTS + " attempts to "
                + "write it back; run the pass again");
    }

    /** The attempts, until one is done, fails or finds the dataset gone from the store, or there were enough. */
    private void attempt(IdentityId identity, DatasetName name, Progress progress) {
        for (int attempt = 0; attempt < ATTEMPTS && progress.outcome.failure() == null && !progress.written.done();
                attempt++) {
            StoredDataset meta = table.datasets(identity).get(name);
            if (meta == null) {
                progress.gone = true;
                return;
            }
            if (meta.copiedUpTo() != null) {
                progress.outcome = progress.outcome.failedFor("a device's import of it into AppSync is unfinished: it "
                        + "is written back once that device synchronizes again, or a delta pass completes it");
                return;
            }
            SourceRecords cognito = source.listRecords(identity, name, SyncCount.ZERO);
            if (byContent(name, cognito)) {
                progress.outcome = progress.outcome.then(importer.importDataset(identity, name, listed(identity, name),
                        meta, false));
                StoredDataset now = table.datasets(identity).get(name);
                if (progress.outcome.failure() == null && now != null && now.deleted() && cognito.exists()) {
                    progress.outcome = progress.outcome.failedFor(MERGED_COPY_DELETED);
                } else if (progress.outcome.failure() == null) {
                    progress.written = progress.written.and(afterImport(identity, name, cognito));
                }
            } else if (caughtUp(meta, cognito)) {
                // A write that is not done leaves Cognito past the watermark (its count moved, or it was deleted and
                // written again), so the next attempt imports first.
                progress.written = progress.written.and(write(identity, name, meta, cognito));
            } else {
                progress.outcome = progress.outcome.then(importer.importDataset(identity, name, listed(identity, name),
                        meta, false));
            }
        }
    }

    /** How the attempts on one dataset stand: its outcome, what they wrote, whether the store no longer has it. */
    private static final class Progress {
        private DatasetOutcome outcome;
        private Written written = new Written(0, false, false);
        private boolean gone;

        Progress(DatasetOutcome imported) {
            this.outcome = imported;
        }
    }

    /**
     * What the attempts wrote into Cognito so far.
     *
     * @param records records written
     * @param deleted whether the dataset was deleted
     * @param done whether Cognito holds what the store holds, and the store knows it
     */
    private record Written(long records, boolean deleted, boolean done) {
        Written and(Written next) {
            return new Written(records + next.records, deleted || next.deleted, next.done);
        }
    }

    /**
     * Whether the dataset's changes are known by content only: a merged copy, whose count Cognito started again at 1
     * while its records kept theirs, or any dataset whose records stand above its count. Its count, taken as the
     * newest record's, does not rise with a write below that record, so the store's watermark cannot show such a write.
     */
    private static boolean byContent(DatasetName name, SourceRecords cognito) {
        return name.isMergedCopyName() || cognito.datasetSyncCount().isAfter(cognito.cognitoCount());
    }

    /**
     * Writes a dataset known by content back, after an import that followed {@code before}, Cognito's state read
     * before it: only when Cognito's own count (which every UpdateRecords raises, a merged copy's too) and existence
     * did not move across the import, so that the import saw every change Cognito has.
     */
    private Written afterImport(IdentityId identity, DatasetName name, SourceRecords before) {
        StoredDataset meta = table.datasets(identity).get(name);
        SourceRecords now = source.listRecords(identity, name, SyncCount.ZERO);
        if (meta == null || meta.copiedUpTo() != null || !now.cognitoCount().equals(before.cognitoCount())
                || now.exists() != before.exists()) {
            return new Written(0, false, false);
        }
        return write(identity, name, meta, now);
    }

    /**
     * Whether the store holds every change Cognito has: Cognito's count is the watermark, and a dataset Cognito
     * deleted at that count is deleted in the store too, or kept there by an import that saw the deletion; or the
     * dataset was born on AppSync and Cognito has none of that name.
     */
    private static boolean caughtUp(StoredDataset meta, SourceRecords cognito) {
        if (cognito.cognitoCount().isAfter(cognito.datasetSyncCount())) {
            return false; // a write landed while the pages were read, and none of them holds it
        }
        if (meta.sourceWatermark() == null && !cognito.exists()) {
            return true; // born on AppSync: a dataset of that name Cognito deleted is older, and holds nothing
        }
        SyncCount watermark = PlanSupport.watermarkOrZero(meta);
        if (!cognito.datasetSyncCount().equals(watermark)) {
            return false;
        }
        return cognito.exists() || watermark.equals(SyncCount.ZERO) || meta.deleted()
                || watermark.equals(meta.sourceDeletedAt());
    }

    /** Writes Cognito to what the store holds; not done when Cognito or the store changed meanwhile. */
    private Written write(IdentityId identity, DatasetName name, StoredDataset meta, SourceRecords cognito) {
        if (meta.deleted()) {
            if (!cognito.exists()) {
                return new Written(0, false, leaveMark(identity, name, null));
            }
            // Cognito keeps a deleted dataset's count: the store records this deletion as seen there, before it is
            // made (so that neither a re-creation on AppSync meanwhile nor the next pass after a lost answer takes it
            // for a deletion made in Cognito) and with the watermark's move after it, so that a later import takes
            // neither it nor a re-creation after it for a change made on one side alone
            SyncCount at = cognito.datasetSyncCount();
            if (!deletionSeen(meta, at)) {
                return new Written(0, false, false);
            }
            boolean deleted = writer.delete(identity, name);
            return new Written(0, deleted, markWritten(identity, name, meta, at, at));
        }
        Map<RecordKey, Record> stored = table.records(SyncStoreLayout.recordPartition(identity, name,
                meta.generation()));
        List<CognitoWriter.Patch> patches = patches(stored, cognito.exists() ? cognito.records() : Map.of());
        if (patches.isEmpty()) {
            // Cognito holds what the store holds, and nothing above the watermark: a mark an earlier attempt left (its
            // write taken in by a device's import, which moved the watermark) has nothing left to guard.
            return new Written(0, false, leaveMark(identity, name, null));
        }
        WriteBackMark fresh = new WriteBackMark(cognito.cognitoCount(), meta.metadata().syncCount());
        WriteBackMark mark = meta.writeBack() == null ? fresh : meta.writeBack().and(fresh);
        if (!mark(meta, mark)) {
            return new Written(0, false, false);
        }
        Optional<CognitoWriter.Update> after = writer.update(identity, name, cognito.cognitoCount(), cognito.exists(),
                patches);
        if (after.isEmpty()) {
            // Refused. Nothing was written, and this attempt's mark would only hold back the Cognito change that
            // refused it (an earlier attempt's, still guarding its write, stays); unless the SDK sent the call again
            // after it landed (its answer lost to a server error or a dropped connection), which Cognito refuses too:
            // then the write stands in Cognito and keeps its mark.
            boolean landed = landed(identity, name, cognito.cognitoCount(), patches);
            leaveMark(identity, name, landed ? mark : meta.writeBack());
            return new Written(landed ? patches.size() : 0, false, false);
        }
        return new Written(patches.size(), false, settled(identity, name, meta, cognito, after.get()));
    }

    /**
     * Whether the store knows of {@code update}, the write just made from {@code meta} and {@code cognito}: only when
     * Cognito's count moved by this write alone does the store hold every change up to it (otherwise another write,
     * or a deletion, which keeps the count, landed in Cognito meanwhile, and the next attempt imports it), and then
     * the watermark moves past it.
     */
    private boolean settled(IdentityId identity, DatasetName name, StoredDataset meta, SourceRecords cognito,
            CognitoWriter.Update update) {
        SyncCount count = update.count();
        if (update.deletedBefore() || !count.equals(cognito.cognitoCount().next())) {
            return false;
        }
        if (byContent(name, cognito) && !sameCount(table.datasets(identity).get(name), meta)) {
            // Every pass reads such a dataset whole, so no watermark hides the write's copy of a value a device pushed
            // since the read: the mark stays, and the next attempt (or write-back) writes the push.
            return false;
        }
        SyncCount watermark = count.isAfter(cognito.datasetSyncCount()) ? count : cognito.datasetSyncCount();
        return markWritten(identity, name, meta, watermark, meta.sourceDeletedAt());
    }

    private static boolean sameCount(@Nullable StoredDataset now, StoredDataset read) {
        return now != null && now.metadata().syncCount().equals(read.metadata().syncCount());
    }

    /**
     * The patches that make Cognito's records ({@code cognito}, by key) hold what {@code stored} holds: each record
     * whose value differs, and a removal of each live Cognito record the store lacks (its incarnation on AppSync
     * began after Cognito's).
     */
    static List<CognitoWriter.Patch> patches(Map<RecordKey, Record> stored, Map<RecordKey, Record> cognito) {
        List<CognitoWriter.Patch> patches = new ArrayList<>();
        stored.values().stream().sorted(PlanSupport.BY_COUNT_THEN_KEY).forEach(record -> {
            Record held = cognito.get(record.key());
            String there = held == null ? null : held.value();
            if (record.isTombstone() ? there != null : !Objects.equals(there, record.value())) {
                patches.add(new CognitoWriter.Patch(record, held == null ? SyncCount.ZERO : held.syncCount()));
            }
        });
        cognito.values().stream().filter(r -> !r.isTombstone() && !stored.containsKey(r.key()))
                .sorted(PlanSupport.BY_COUNT_THEN_KEY).forEach(r -> patches.add(new CognitoWriter.Patch(
                        new Record(r.key(), null, r.syncCount(), r.lastModifiedDate(), r.lastModifiedBy(), null),
                        r.syncCount())));
        return patches;
    }

    /**
     * Marks the dataset as being written back ({@code mark}: from Cognito's count, over the store's state
     * {@code read}), provided the store did not change since it was read: until the watermark moves past the write,
     * an import (a device's, or the next pass after a crash) does not take the write's copy of a record a device
     * pushed since for a newer Cognito change, which Cognito's date of the write would make it look like. False when
     * the store changed, and the records read may be stale.
     */
    private boolean mark(StoredDataset read, WriteBackMark mark) {
        return table.write(List.of(new PutAction(DatasetItems.toItem(read.withWriteBack(mark)),
                ImportTransactions.unchanged(read)))).isEmpty();
    }

    /** Records on the store's item {@code read} that Cognito's deletion at {@code at} is seen; false if it changed. */
    private boolean deletionSeen(StoredDataset read, SyncCount at) {
        return table.write(List.of(new PutAction(DatasetItems.toItem(read.withSourceDeletedAt(at)),
                ImportTransactions.unchanged(read)))).isEmpty();
    }

    /**
     * Whether {@code patches}, an UpdateRecords Cognito refused, landed all the same: a patched key holds the value
     * sent, above {@code read}, the count they were based on, written as someone other than the identity (a patch is
     * sent only where the value differs, so nobody but this write, or another writer of the very same value, put it
     * there; an app writes as the identity).
     */
    private boolean landed(IdentityId identity, DatasetName name, SyncCount read, List<CognitoWriter.Patch> patches) {
        Map<RecordKey, Record> since = source.listRecords(identity, name, read).records();
        return patches.stream().anyMatch(patch -> {
            Record now = since.get(patch.record().key());
            return now != null && now.syncCount().isAfter(read) && !now.lastModifiedBy().equals(identity.value())
                    && Objects.equals(now.value(), patch.record().value());
        });
    }

    /**
     * Leaves {@code mark} on the dataset as its write-back mark, none when null: the mark an attempt found, once its
     * own write was refused, or none once no write of the write-back's can stand in Cognito above the watermark. True
     * when the item holds it, false when the item kept changing.
     */
    private boolean leaveMark(IdentityId identity, DatasetName name, @Nullable WriteBackMark mark) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredDataset now = table.datasets(identity).get(name);
            if (now == null || Objects.equals(now.writeBack(), mark)) {
                return true;
            }
            if (table.write(List.of(new PutAction(DatasetItems.toItem(now.withWriteBack(mark)),
                    ImportTransactions.unchanged(now)))).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the store's watermark to {@code watermark}, the count of the write just made, provided no import moved it
     * since {@code read}, and removes the write-back's mark; records devices pushed since {@code read} stay above
     * {@code importedAt}. False when the
     * metadata item kept changing, or an import moved the watermark.
     *
     * @param deletedAt the count at a deletion Cognito has and the store knows of ({@code sourceDeletedAt}), or null
     */
    private boolean markWritten(IdentityId identity, DatasetName name, StoredDataset read, SyncCount watermark,
            @Nullable SyncCount deletedAt) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredDataset now = table.datasets(identity).get(name);
            if (now == null || !Objects.equals(now.sourceWatermark(), read.sourceWatermark())
                    || now.copiedUpTo() != null) {
                return false;
            }
            StoredDataset marked = new StoredDataset(now.metadata(), now.deleted(), now.generation(), watermark,
                    true, deletedAt, null, read.metadata().syncCount());
            marked = PlanSupport.firstCopy(now, marked);
            if (table.write(List.of(new PutAction(DatasetItems.toItem(marked), ImportTransactions.unchanged(now))))
                    .isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private @Nullable SourceDataset listed(IdentityId identity, DatasetName name) {
        return source.listDatasets(identity).stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }
}
