package dev.syncshift.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImportTransactionsTest {

    private static final IdentityId IDENTITY = new IdentityId("us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static final DatasetName DATASET = new DatasetName("prefs");
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");
    private static final String PARTITION = SyncStoreLayout.recordPartition(IDENTITY, DATASET, SyncCount.ZERO);

    @Test
    void anImportIsConditionedOnTheWholeStateItRead() {
        Condition imported = ImportTransactions.unchanged(stored(9, 4, 7L));
        Condition bornOnAppSync = ImportTransactions.unchanged(stored(3, 0, null));

        assertThat(imported.expression()).isEqualTo("#sc = :sc AND #generation = :generation AND #deleted = :deleted"
                + " AND #watermark = :watermark AND attribute_not_exists(#copied) AND attribute_not_exists(#markFrom)");
        assertThat(imported.values()).containsEntry(":sc", new NumberAttribute(9))
                .containsEntry(":generation", new NumberAttribute(4))
                .containsEntry(":watermark", new NumberAttribute(7))
                .containsEntry(":deleted", new BooleanAttribute(false));
        assertThat(imported.names()).containsEntry("#watermark", "sourceWatermark");
        assertThat(bornOnAppSync.expression()).contains("AND attribute_not_exists(#watermark) AND");
        assertThat(bornOnAppSync.values()).doesNotContainKey(":watermark");
        assertThat(ImportTransactions.absent().expression()).isEqualTo("attribute_not_exists(#pk)");
    }

    @Test
    void theCountAtTheLastImportIsKeptOnTheItemAndNamesWhatChangedOnAppSyncSince() {
        StoredDataset read = stored(9, 0, 15L).asRenumbered();
        StoredDataset revised = read.importedAt(new SyncCount(7));

        assertThat(DatasetItems.toItem(revised).attributes()).containsEntry("importedAt", new NumberAttribute(7));
        assertThat(DatasetItems.fromItem(IDENTITY, DatasetItems.toItem(revised))).isEqualTo(revised);
        assertThat(revised.asRenumbered().importedAt()).isEqualTo(new SyncCount(7));
        assertThat(revised.changedOnAppSyncAfter()).isEqualTo(new SyncCount(7));
        assertThat(read.changedOnAppSyncAfter()).as("no importedAt: the watermark").isEqualTo(new SyncCount(15));
    }

    @Test
    void whileACopyIsUnfinishedAnImportIsConditionedOnItsMarkAndTheTotalsItsPartsChange() {
        StoredDataset read = stored(7, 0, 7L);
        StoredDataset copying = new StoredDataset(read.metadata(), false, read.generation(), read.sourceWatermark(),
                false, null, new SyncCount(12));

        Condition condition = ImportTransactions.unchanged(copying);

        assertThat(condition.expression()).contains(
                "AND #copied = :copied AND #records = :records AND #storage = :storage AND");
        assertThat(condition.names()).containsEntry("#copied", "copiedUpTo").containsEntry("#records", "numRecords")
                .containsEntry("#storage", "dataStorage");
        assertThat(condition.values()).containsEntry(":copied", new NumberAttribute(12))
                .containsEntry(":records", new NumberAttribute(read.metadata().numRecords()))
                .containsEntry(":storage", new NumberAttribute(read.metadata().dataStorage()));
        assertThat(DatasetItems.fromItem(IDENTITY, DatasetItems.toItem(copying))).isEqualTo(copying);
    }

    @Test
    void aFirstCopysMarkIsKeptOnTheItemAndReadWithTheMarkOfAnItemWrittenBeforeIt() {
        StoredDataset pushed = stored(9, 0, 0L).withFirstCopyUpTo(new SyncCount(4));
        StoredDataset older = new StoredDataset(pushed.metadata(), false, SyncCount.ZERO, SyncCount.ZERO, false, null,
                new SyncCount(12));

        assertThat(DatasetItems.toItem(pushed).attributes()).containsEntry("firstCopyUpTo", new NumberAttribute(4));
        assertThat(DatasetItems.fromItem(IDENTITY, DatasetItems.toItem(pushed))).isEqualTo(pushed);
        assertThat(DatasetItems.toItem(older).has(DatasetItems.FIRST_COPY_UP_TO)).isFalse();
        assertThat(pushed.firstCopyMark()).isEqualTo(new SyncCount(4));
        assertThat(pushed.withWriteBack(new WriteBackMark(SyncCount.ZERO, new SyncCount(9))).importedAt(null)
                .firstCopyUpTo()).as("kept by the other changes").isEqualTo(new SyncCount(4));
        assertThat(older.firstCopyMark()).as("copiedUpTo at watermark 0").isEqualTo(new SyncCount(12));
        assertThat(older.withFirstCopyUpTo(new SyncCount(20)).firstCopyMark()).isEqualTo(new SyncCount(20));
        assertThat(stored(9, 0, 7L).withFirstCopyUpTo(new SyncCount(4)).firstCopyMark()).as("watermark above 0")
                .isEqualTo(SyncCount.ZERO);
        assertThat(pushed.withFirstCopyUpTo(SyncCount.ZERO).firstCopyUpTo()).isNull();
        assertThat(pushed.changedOnAppSyncAfter()).as("the copy's records were not written on AppSync")
                .isEqualTo(new SyncCount(4));
        assertThat(pushed.withFirstCopyUpTo(SyncCount.ZERO).changedOnAppSyncAfter()).isEqualTo(SyncCount.ZERO);
    }

    @Test
    void aWriteBackMarkPutSinceTheReadFailsTheWrite() {
        StoredDataset read = stored(9, 0, 7L).asRenumbered();
        StoredDataset marked = read.withWriteBack(new WriteBackMark(new SyncCount(7), new SyncCount(9)));

        assertThat(ImportTransactions.unchanged(read).names()).containsEntry("#markFrom", "writeBackFrom");
        Condition condition = ImportTransactions.unchanged(marked);
        assertThat(condition.expression()).endsWith("AND #markFrom = :markFrom AND #markOver = :markOver");
        assertThat(condition.names()).containsEntry("#markOver", "writeBackOver");
        assertThat(condition.values()).containsEntry(":markFrom", new NumberAttribute(7))
                .containsEntry(":markOver", new NumberAttribute(9));
    }

    @Test
    void recordsArePackedWholeAndInOrderWithRoomForTheMetadataAction() {
        List<List<WriteAction>> records = new ArrayList<>();
        IntStream.range(0, 250).forEach(i -> records.add(ImportTransactions.recordActions(PARTITION,
                record("k" + i, "v", i + 1), ImportTransactions.olderThan(new SyncCount(i + 1)), 0)));

        List<List<List<WriteAction>>> transactions = ImportTransactions.pack(records, actions -> actions, 1);

        assertThat(transactions).extracting(List::size).containsExactly(99, 99, 52);
        assertThat(((PutAction) transactions.get(1).get(0).get(0)).item().string(SyncStoreLayout.SORT_KEY))
                .isEqualTo("K#k99");
    }

    @Test
    void largeValuesAreCutByBytesBeforeActions() {
        String nearlyOneMegabyte = "é".repeat((int) (SyncLimits.MAX_DATASET_BYTES / 2 - 10));
        List<List<WriteAction>> records = IntStream.range(0, 5).mapToObj(i -> ImportTransactions.recordActions(
                PARTITION, record("big" + i, nearlyOneMegabyte, 3), null, 0)).toList();

        List<List<List<WriteAction>>> transactions = ImportTransactions.pack(records, actions -> actions, 1);

        assertThat(transactions).hasSize(2).allSatisfy(group -> assertThat(group.stream().flatMap(List::stream)
                .filter(PutAction.class::isInstance).mapToLong(a -> ((PutAction) a).item().sizeBytes()).sum())
                .isLessThan(ImportTransactions.MAX_TRANSACTION_BYTES));
    }

    @Test
    void aRecordThatCannotFitOneTransactionIsRefused() {
        List<WriteAction> tooMany = IntStream.range(0, 100)
                .mapToObj(i -> (WriteAction) new DeleteAction(PARTITION, "C#" + i)).toList();

        assertThatThrownBy(() -> ImportTransactions.pack(List.of(tooMany), actions -> actions, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A record needing 100 actions");
    }

    @Test
    void headsCanBeHeldToTheCountReadAsPushesDo() {
        assertThat(ImportTransactions.stillAt(null)).isEqualTo(ImportTransactions.absent());
        assertThat(ImportTransactions.stillAt(new SyncCount(5)).values())
                .containsEntry(":read", new NumberAttribute(5));
    }

    @Test
    void aChunkedRecordIsWrittenWholeByItsActionsUnderItsHeadsCondition() {
        Record record = record("big", "v".repeat(SyncLimits.MAX_VALUE_CHARACTERS), 12);

        List<WriteAction> actions = ImportTransactions.recordActions(PARTITION, record,
                ImportTransactions.olderThan(record.syncCount()), 0);

        assertThat(actions).hasSize(16).hasSizeLessThan(SyncStoreLayout.MAX_TRANSACTION_ACTIONS);
        PutAction head = (PutAction) actions.get(0);
        assertThat(head.item().string(SyncStoreLayout.SORT_KEY)).isEqualTo("K#big");
        assertThat(head.condition()).isNotNull();
        assertThat(head.condition().expression()).isEqualTo("attribute_not_exists(#pk) OR #syncCount < :incoming");
        assertThat(head.condition().values()).containsEntry(":incoming", new NumberAttribute(12));
        assertThat(actions.subList(1, 16)).allSatisfy(chunk -> assertThat(((PutAction) chunk).condition()).isNull());
    }

    @Test
    void chunksTheStoredValueNoLongerUsesAreDeleted() {
        List<WriteAction> shrunk = ImportTransactions.recordActions(PARTITION, record("big", "small", 13), null, 3);
        List<WriteAction> removed = ImportTransactions.recordActions(PARTITION, record("big", null, 14), null, 2);

        assertThat(shrunk.subList(1, shrunk.size())).containsExactly(new DeleteAction(PARTITION, "C#1#K#big"),
                new DeleteAction(PARTITION, "C#2#K#big"));
        assertThat(removed.subList(1, removed.size())).containsExactly(new DeleteAction(PARTITION, "C#1#K#big"));
    }

    private static StoredDataset stored(long syncCount, long generation, Long watermark) {
        DatasetMetadata meta = new DatasetMetadata(new DatasetKey(IDENTITY, DATASET), NOW, NOW, "device", 0, 0,
                new SyncCount(syncCount));
        return new StoredDataset(meta, false, new SyncCount(generation),
                watermark == null ? null : new SyncCount(watermark));
    }

    private static Record record(String key, String value, long syncCount) {
        return new Record(new RecordKey(key), value, new SyncCount(syncCount), NOW, "device-1", null);
    }
}
