package dev.syncshift.core.layout;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.SyncCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The transactions the migrator uses to copy records into the store ({@link SyncStoreLayout}, "Atomic writes"):
 * one TransactWriteItems per record, so a chunked value appears whole or not at all, that never overwrites a newer
 * record and never writes into a generation that was deleted meanwhile.
 */
public final class CopyTransactions {

    private CopyTransactions() {
    }

    /**
     * The actions that copy {@code record} into generation {@code generation} of a dataset: a ConditionCheck that
     * the dataset's metadata item is absent or still live in that generation, the head Put conditioned on
     * {@code attribute_not_exists(pk) OR syncCount < :incoming}, a Put per chunk, and a Delete per chunk piece the
     * stored value had beyond the new piece count. A cancelled transaction whose head condition failed means the
     * store already holds this record or a newer one: count it as "already there", not as an error. One whose check
     * (the first action) failed means the dataset was deleted or re-created meanwhile: read its metadata again.
     *
     * @param previousPieces the piece count of the stored value ({@link RecordItems#pieces(Item)}; 0 when there is
     *     no stored record or it is a tombstone); at most {@link SyncStoreLayout#MAX_TRANSACTION_ACTIONS} actions
     *     result for any value Cognito Sync accepts
     */
    public static List<WriteAction> copyRecord(IdentityId identityId, DatasetName datasetName, SyncCount generation,
            Record record, int previousPieces) {
        String partition = SyncStoreLayout.recordPartition(identityId, datasetName, generation);
        List<WriteAction> actions = new ArrayList<>();
        actions.add(new CheckAction(SyncStoreLayout.identityPartition(identityId),
                SyncStoreLayout.datasetSortKey(datasetName), liveIn(generation)));
        actions.addAll(ImportTransactions.recordActions(partition, record,
                ImportTransactions.olderThan(record.syncCount()), previousPieces));
        return actions;
    }

    private static Condition liveIn(SyncCount generation) {
        return new Condition("attribute_not_exists(#pk) OR (#generation = :generation AND #deleted = :false)",
                Map.of("#pk", SyncStoreLayout.PARTITION_KEY, "#generation", DatasetItems.GENERATION,
                        "#deleted", DatasetItems.DELETED),
                Map.of(":generation", new NumberAttribute(generation.value()), ":false", new BooleanAttribute(false)));
    }
}
