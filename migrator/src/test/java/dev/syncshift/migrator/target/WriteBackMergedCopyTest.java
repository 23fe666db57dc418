package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.DatasetMetadata;
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
import dev.syncshift.core.layout.WriteAction;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsRequest;

/**
 * Merged copies ({@code <dataset>.<identityId>}, what a merge leaves the surviving identity): Cognito starts their
 * count again at 1 while their records keep theirs, so their changes are found by content, not by count. A write on
 * AppSync to such a copy is kept by every pass and written back, and a Cognito write landing during the write-back is
 * kept too.
 */
class WriteBackMergedCopyTest extends CutoverScenario {

    private static final RecordKey FONT = new RecordKey("font");
    private static final String PUSHED_FONT = "pushed during the write-back";

    /** Two delta passes in a row keep the AppSync write: the second one does not take Cognito's older value. */
    @Test
    void deltaPassesKeepAnAppSyncWriteToAMergedCopy() {
        Merged merged = mergedCopy("gina", "hank");
        String partition = pushFontOnAppSync(merged);

        cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());
        cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        Record font = cutover.table().records(partition).get(FONT);
        assertThat(font).isNotNull();
        assertThat(font.value()).isEqualTo("sans on AppSync");
    }

    /**
     * A device still on Cognito Sync writes the copy between the write-back's read and its UpdateRecords: the copy's
     * count cannot show that write, so the next attempt imports before it compares, and both writes stay.
     */
    @Test
    void aCognitoWriteToAMergedCopyLandingDuringTheWriteBackIsKept() {
        Merged merged = mergedCopy("erin", "frank");
        pushFontOnAppSync(merged);
        AtomicBoolean raced = new AtomicBoolean();

        IdentityOutcome back = cutover.writeBackBeforeCalls((operation, request) -> {
            if (operation.equals("UpdateRecords") && raced.compareAndSet(false, true)) {
                merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(),
                        Map.of("theme", "written on Cognito during the pass"));
            }
        }).migrate(merged.survivor());

        assertThat(raced).isTrue();
        assertThat(back.datasets()).allSatisfy(d -> assertThat(d.failure()).isNull());
        assertThat(cognitoValues(merged)).containsEntry("font", "sans on AppSync")
                .containsEntry("theme", "written on Cognito during the pass");
    }

    /**
     * A device still on Cognito Sync adds a key to the copy after the write-back's import read it and before the
     * write-back reads it (Cognito's count rises, but stays below the copy's highest record): the write is kept, not
     * removed as a key the store lacks, and a delta pass afterwards finds nothing to write.
     */
    @Test
    void aCognitoWriteToAMergedCopyBetweenTheImportAndTheWriteBackIsKept() {
        Merged merged = mergedCopy("ivy", "jack");
        pushFontOnAppSync(merged);
        AtomicInteger wholeReads = new AtomicInteger();

        IdentityOutcome back = cutover.writeBackCalling((operation, request) -> {
            if (request instanceof ListRecordsRequest list && list.datasetName().equals(merged.copy().value())
                    && (list.maxResults() == null || list.maxResults() != 1) && list.lastSyncCount() != null
                    && list.lastSyncCount() == 0 && wholeReads.incrementAndGet() == 1) {
                merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(),
                        Map.of("color", "red, written on Cognito"));
            }
        }).migrate(merged.survivor());

        assertThat(back.datasets()).allSatisfy(d -> assertThat(d.failure()).isNull());
        assertThat(cognitoValues(merged)).containsEntry("color", "red, written on Cognito")
                .containsEntry("font", "sans on AppSync");
        assertThat(cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor()).datasets())
                .allSatisfy(d -> assertThat(d.recordsWritten()).isZero());
    }

    /**
     * The write-back's import of a copy fails (a Cognito write since the delta, with AppSync's, would pass the 1 MB
     * limit): the copy is not written over Cognito, whose write stays, and the failure is listed.
     */
    @Test
    void aMergedCopyWhoseImportFailsIsNotWrittenOverCognito() {
        Merged merged = mergedCopy("kim", "lee");
        pushOnAppSync(merged, new RecordKey("appsync-big"), "a".repeat(600_000));
        AtomicInteger wholeReads = new AtomicInteger();

        IdentityOutcome back = cutover.writeBackCalling((operation, request) -> {
            if (request instanceof ListRecordsRequest list && list.datasetName().equals(merged.copy().value())
                    && (list.maxResults() == null || list.maxResults() != 1) && list.lastSyncCount() != null
                    && list.lastSyncCount() == 0 && wholeReads.incrementAndGet() == 1) {
                merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(),
                        Map.of("cognito-big", "b".repeat(600_000)));
            }
        }).migrate(merged.survivor());

        assertThat(back.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).contains("over the dataset limits");
            assertThat(d.writtenBack()).isNull();
        });
        assertThat(cognitoValues(merged)).containsKey("cognito-big");
    }

    /**
     * A copy deleted on AppSync, then written in Cognito Sync at a count below the records' height. The write-back's
     * import keeps the deletion (keep-appsync), and the write-back does not delete the copy in Cognito: a write there
     * made before the deletion cannot be told from an old record. It says so.
     */
    @Test
    void aMergedCopyDeletedOnAppSyncIsNotDeletedInCognitoAndIsListed() {
        Merged merged = mergedCopy("max", "ned");
        deleteOnAppSync(merged);
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(),
                Map.of("theme", "written on Cognito after the AppSync deletion"));

        IdentityOutcome back = cutover.writeBack(ConflictPolicy.KEEP_APPSYNC).migrate(merged.survivor());

        assertThat(back.datasets()).singleElement()
                .satisfies(d -> assertThat(d.failure()).isEqualTo(DatasetWriteBack.MERGED_COPY_DELETED));
        assertThat(cognitoValues(merged)).containsEntry("theme", "written on Cognito after the AppSync deletion");
    }

    /**
     * A device pushes font to the copy between the write-back's read and its UpdateRecords, which gives Cognito the
     * older font, dated at the write. Every pass reads a merged copy whole, so no watermark hides that copy: the
     * write-back keeps its mark and writes the push in its next attempt, and the next pass keeps the push.
     */
    @Test
    void aPushToTheCopyDuringTheWriteBackIsNotUndoneByTheNextPass() {
        Merged merged = mergedCopy("owen", "pat");
        pushFontOnAppSync(merged);
        AtomicInteger updates = new AtomicInteger();

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS,
                pushingFontAtTheFirstUpdate(merged, updates, () -> { }, () -> { }), (operation, request) -> { })
                .migrate(merged.survivor());
        cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        assertThat(updates.get()).isGreaterThanOrEqualTo(2);
        assertThat(back.datasets()).allSatisfy(d -> assertThat(d.failure()).isNull());
        assertThat(storedFont(merged)).isEqualTo(PUSHED_FONT);
        assertThat(cognitoValues(merged)).containsEntry("font", PUSHED_FONT);
    }

    /**
     * As above, and the write-back's next attempt, which marks the copy again from the count its first write made, is
     * refused by Cognito (a backend wrote size in Cognito, which that attempt patches too): the first write's copy of
     * the older font stays covered, by the mark the next attempt keeps and the one the refusal leaves, so the attempt
     * after it does not take that copy for a later Cognito change.
     */
    @Test
    void aPushToTheCopyDuringTheWriteBackSurvivesARefusedNextAttempt() {
        Merged merged = mergedCopy("quinn", "ruth");
        pushFontOnAppSync(merged);
        AtomicInteger updates = new AtomicInteger();
        BiConsumer<String, SdkRequest> refusingTheSecond = pushingFontAtTheFirstUpdate(merged, updates,
                () -> pushOnAppSync(merged, new RecordKey("size"), "12 pushed during the write-back"),
                () -> merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(),
                        Map.of("size", "14 written on Cognito")));

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS, refusingTheSecond,
                (operation, request) -> { }).migrate(merged.survivor());

        assertThat(updates.get()).as("%s", back).isGreaterThanOrEqualTo(2);
        assertThat(storedFont(merged)).as("%s", back).isEqualTo(PUSHED_FONT);
        assertThat(cognitoValues(merged)).containsEntry("font", PUSHED_FONT);
    }

    /**
     * As above, and the next attempt's UpdateRecords never reaches Cognito (the connection fails before it is sent):
     * the mark it leaves still covers the first write's copy of the older font, so the next delta pass keeps the push.
     */
    @Test
    void aPushToTheCopyDuringTheWriteBackSurvivesANextAttemptThatFailsBeforeItsWrite() {
        Merged merged = mergedCopy("sam", "tess");
        pushFontOnAppSync(merged);
        AtomicInteger updates = new AtomicInteger();
        BiConsumer<String, SdkRequest> failingTheSecond = pushingFontAtTheFirstUpdate(merged, updates, () -> { },
                () -> {
                    throw new IllegalStateException("the connection dropped before the request was sent");
                });

        assertThatThrownBy(() -> cutover.writeBackAround(ConflictPolicy.LATER_WINS, failingTheSecond,
                (operation, request) -> { }).migrate(merged.survivor())).hasMessageContaining("connection dropped");
        cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        assertThat(updates.get()).isEqualTo(2);
        assertThat(storedFont(merged)).isEqualTo(PUSHED_FONT);
    }

    /**
     * Before the write-back's first UpdateRecords a device pushes {@link #PUSHED_FONT} to the copy, then {@code first}
     * runs; before its second, {@code second} runs. Counts the UpdateRecords in {@code updates}.
     */
    private static BiConsumer<String, SdkRequest> pushingFontAtTheFirstUpdate(Merged merged, AtomicInteger updates,
            Runnable first, Runnable second) {
        return (operation, request) -> {
            if (operation.equals("UpdateRecords")) {
                int update = updates.incrementAndGet();
                if (update == 1) {
                    pushOnAppSync(merged, FONT, PUSHED_FONT);
                    first.run();
                } else if (update == 2) {
                    second.run();
                }
            }
        };
    }

    /** The store's font in the copy. */
    static String storedFont(Merged merged) {
        StoredDataset meta = cutover.table().datasets(merged.survivor()).get(merged.copy());
        return cutover.table().records(SyncStoreLayout.recordPartition(merged.survivor(), merged.copy(),
                meta.generation())).get(FONT).value();
    }

    private static Map<String, String> cognitoValues(Merged merged) {
        Map<String, String> values = new HashMap<>();
        cutover.syncClient().listRecords(r -> r.identityPoolId(cutover.pool().value())
                .identityId(merged.survivor().value()).datasetName(merged.copy().value())).records().stream()
                .filter(r -> r.value() != null).forEach(r -> values.put(r.key(), r.value()));
        return values;
    }

    /**
     * Developer user {@code from}'s identity, with a dataset of three pushes, merged into {@code into}'s, and the
     * survivor copied by a full pass.
     */
    static Merged mergedCopy(String into, String from) {
        Device device = cutover.newDevice();
        String survivor = cutover.developerIdentity(into);
        String mergedIdentity = cutover.developerIdentity(from);
        device.cognitoPush(mergedIdentity, "prefs", Map.of("theme", "light", "font", "serif"));
        device.cognitoPush(mergedIdentity, "prefs", Map.of("font", "mono"));
        device.cognitoPush(mergedIdentity, "prefs", Map.of("theme", "dark"));
        cutover.merge(from, into);
        IdentityId id = new IdentityId(survivor);
        assertThat(cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id).datasets())
                .allSatisfy(d -> assertThat(d.failure()).isNull());
        return new Merged(device, id, new DatasetName("prefs." + mergedIdentity));
    }

    record Merged(Device device, IdentityId survivor, DatasetName copy) {
    }

    /** A switched device's push of {@code font} to the copy (see {@link #pushOnAppSync}). */
    private static String pushFontOnAppSync(Merged merged) {
        return pushOnAppSync(merged, FONT, "sans on AppSync");
    }

    /**
     * A switched device's push of {@code key} to the copy, written as the resolver writes it (the test's developer
     * identities have no AppSync access): the count up by one, the record stamped with it, the dataset renumbered, a
     * write-back's mark kept.
     *
     * @return the copy's record partition
     */
    private static String pushOnAppSync(Merged merged, RecordKey key, String value) {
        return pushOnAppSync(merged.survivor(), merged.copy(), key, value);
    }

    /** As {@link #pushOnAppSync(Merged, RecordKey, String)}, to dataset {@code copy} of identity {@code survivor}. */
    static String pushOnAppSync(IdentityId survivor, DatasetName copy, RecordKey key, String value) {
        StoredDataset meta = cutover.table().datasets(survivor).get(copy);
        assertThat(meta).isNotNull();
        String partition = SyncStoreLayout.recordPartition(survivor, copy, meta.generation());
        Record held = cutover.table().records(partition).get(key);
        SyncCount next = meta.metadata().syncCount().next();
        Instant now = Instant.now();
        Record pushed = new Record(key, value, next, now, survivor.value(), null);
        DatasetMetadata m = meta.metadata();
        long bytes = m.dataStorage() + pushed.storageBytes() - (held == null ? 0 : held.storageBytes());
        long records = m.numRecords() + (held == null || held.isTombstone() ? 1 : 0);
        StoredDataset after = new StoredDataset(new DatasetMetadata(m.key(), m.creationDate(), now,
                survivor.value(), bytes, records, next), false, meta.generation(), meta.sourceWatermark(),
                true, null, null, m.syncCount()).withWriteBack(meta.writeBack());
        List<WriteAction> actions = new ArrayList<>();
        actions.add(new PutAction(DatasetItems.toItem(after), ImportTransactions.unchanged(meta)));
        actions.addAll(ImportTransactions.recordActions(partition, pushed,
                ImportTransactions.stillAt(held == null ? null : held.syncCount()), PlanSupport.pieces(held)));
        assertThat(cutover.table().write(actions)).isEmpty();
        return partition;
    }

    /** A switched device's deletion of the copy, written as the resolver writes it. */
    static void deleteOnAppSync(Merged merged) {
        StoredDataset meta = cutover.table().datasets(merged.survivor()).get(merged.copy());
        assertThat(meta).isNotNull();
        DatasetMetadata m = meta.metadata();
        SyncCount next = m.syncCount().next();
        StoredDataset deleted = new StoredDataset(new DatasetMetadata(m.key(), m.creationDate(), Instant.now(),
                merged.survivor().value(), 0, 0, next), true, next, meta.sourceWatermark(), true,
                meta.sourceDeletedAt(), null, meta.importedAt());
        assertThat(cutover.table().write(List.of(new PutAction(DatasetItems.toItem(deleted),
                ImportTransactions.unchanged(meta))))).isEmpty();
    }
}
