package dev.syncshift.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncLimits;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTransactionsTest {

    private static final IdentityId IDENTITY = new IdentityId("us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static final DatasetName DATASET = new DatasetName("prefs");
    private static final SyncCount GENERATION = new SyncCount(7);
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

    @Test
    void aChunkedRecordIsCopiedWholeInOneTransactionThatNeverOverwritesNewerData() {
        Record record = record("big", "v".repeat(SyncLimits.MAX_VALUE_CHARACTERS), 12);

        List<WriteAction> actions = CopyTransactions.copyRecord(IDENTITY, DATASET, GENERATION, record, 0);

        assertThat(actions).hasSize(17).hasSizeLessThanOrEqualTo(SyncStoreLayout.MAX_TRANSACTION_ACTIONS);
        CheckAction check = (CheckAction) actions.get(0);
        assertThat(check.sortKey()).isEqualTo("D#prefs");
        assertThat(check.condition().expression())
                .isEqualTo("attribute_not_exists(#pk) OR (#generation = :generation AND #deleted = :false)");
        assertThat(check.condition().values()).containsEntry(":generation", new NumberAttribute(7));
        PutAction head = (PutAction) actions.get(1);
        assertThat(head.item().string(SyncStoreLayout.SORT_KEY)).isEqualTo("K#big");
        assertThat(head.condition().expression()).isEqualTo("attribute_not_exists(#pk) OR #syncCount < :incoming");
        assertThat(head.condition().values()).containsEntry(":incoming", new NumberAttribute(12));
        assertThat(actions.subList(2, 17)).allSatisfy(chunk -> assertThat(((PutAction) chunk).condition()).isNull());
    }

    @Test
    void chunksTheStoredValueNoLongerUsesAreDeleted() {
        List<WriteAction> shrunk = CopyTransactions.copyRecord(IDENTITY, DATASET, GENERATION,
                record("big", "small", 13), 3);
        List<WriteAction> removed = CopyTransactions.copyRecord(IDENTITY, DATASET, GENERATION,
                record("big", null, 14), 2);

        String partition = SyncStoreLayout.recordPartition(IDENTITY, DATASET, GENERATION);
        assertThat(shrunk.subList(2, shrunk.size())).containsExactly(new DeleteAction(partition, "C#1#K#big"),
                new DeleteAction(partition, "C#2#K#big"));
        assertThat(removed.subList(2, removed.size())).containsExactly(new DeleteAction(partition, "C#1#K#big"));
    }

    private static Record record(String key, String value, long syncCount) {
        return new Record(new RecordKey(key), value, new SyncCount(syncCount), NOW, "device-1", null);
    }
}
