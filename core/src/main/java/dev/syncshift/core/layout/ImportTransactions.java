package dev.syncshift.core.layout;

import dev.syncshift.core.Record;
import dev.syncshift.core.SyncCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How Cognito Sync changes enter the store ({@link SyncStoreLayout}, "Imports"): the conditions that make an import
 * safe against concurrent pushes, other imports and re-runs, and the packing of record writes into transactions.
 * The migrator writes through these; the resolvers' imports state the same conditions in APPSYNC_JS.
 *
 * <p>Every transaction of an import carries, on the dataset's metadata item, either {@link #absent()} or
 * {@link #unchanged(StoredDataset)} of the state read before it: a push, another import or a re-run that got there
 * first cancels it instead of letting a change be applied twice.
 */
public final class ImportTransactions {

    /** Item bytes one transaction carries at most, under DynamoDB's 4 MB per TransactWriteItems. */
    public static final long MAX_TRANSACTION_BYTES = 3_500_000;

    private static final long KEY_ACTION_BYTES = 2_048;

    private ImportTransactions() {
    }

    /** The metadata item does not exist. */
    public static Condition absent() {
        return new Condition("attribute_not_exists(#pk)", Map.of("#pk", SyncStoreLayout.PARTITION_KEY), Map.of());
    }

    /**
     * The metadata item is still as {@code read}: the same sync count, generation, deletion flag and source
     * watermark (no watermark when {@code read} had none), and no part of a copy-mode import since. Such a part (a
     * device's through the API, or a migrator pass's) stores records without moving the count and marks the item
     * with {@link DatasetItems#COPIED_UP_TO}: when {@code read} had no mark, there must be none; when it had one, the
     * mark and the record totals, which each part changes, must be as read.
     */
    public static Condition unchanged(StoredDataset read) {
        Map<String, String> names = new HashMap<>(Map.of("#sc", SyncStoreLayout.SYNC_COUNT,
                "#generation", DatasetItems.GENERATION, "#deleted", DatasetItems.DELETED,
                "#watermark", DatasetItems.SOURCE_WATERMARK, "#copied", DatasetItems.COPIED_UP_TO));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":sc", new NumberAttribute(read.metadata().syncCount().value()),
                ":generation", new NumberAttribute(read.generation().value()),
                ":deleted", new BooleanAttribute(read.deleted())));
        String watermark = "attribute_not_exists(#watermark)";
        if (read.sourceWatermark() != null) {
            watermark = "#watermark = :watermark";
            values.put(":watermark", new NumberAttribute(read.sourceWatermark().value()));
        }
        String copied = "attribute_not_exists(#copied)";
        if (read.copiedUpTo() != null) {
            copied = "#copied = :copied AND #records = :records AND #storage = :storage";
            names.put("#records", DatasetItems.NUM_RECORDS);
            names.put("#storage", DatasetItems.DATA_STORAGE);
            values.put(":copied", new NumberAttribute(read.copiedUpTo().value()));
            values.put(":records", new NumberAttribute(read.metadata().numRecords()));
            values.put(":storage", new NumberAttribute(read.metadata().dataStorage()));
        }
        // A write-back's mark, put since the read, must not be lost by a write computed from before it.
        String mark = "attribute_not_exists(#markFrom)";
        names.put("#markFrom", DatasetItems.WRITE_BACK_FROM);
        if (read.writeBack() != null) {
            mark = "#markFrom = :markFrom AND #markOver = :markOver";
            names.put("#markOver", DatasetItems.WRITE_BACK_OVER);
            values.put(":markFrom", new NumberAttribute(read.writeBack().cognitoCount().value()));
            values.put(":markOver", new NumberAttribute(read.writeBack().storeCount().value()));
        }
        return new Condition("#sc = :sc AND #generation = :generation AND #deleted = :deleted AND " + watermark
                + " AND " + copied + " AND " + mark, names, values);
    }

    /**
     * A record head that holds neither this record nor a newer one: {@code attribute_not_exists(pk) OR
     * syncCount < :incoming}. A copy that fails it is already there.
     */
    public static Condition olderThan(SyncCount incoming) {
        return new Condition("attribute_not_exists(#pk) OR #syncCount < :incoming",
                Map.of("#pk", SyncStoreLayout.PARTITION_KEY, "#syncCount", SyncStoreLayout.SYNC_COUNT),
                Map.of(":incoming", new NumberAttribute(incoming.value())));
    }

    /** A record head still at the count that was read, or still absent when {@code read} is null (as pushes do). */
    public static Condition stillAt(@Nullable SyncCount read) {
        if (read == null) {
            return absent();
        }
        return new Condition("#syncCount = :read", Map.of("#syncCount", SyncStoreLayout.SYNC_COUNT),
                Map.of(":read", new NumberAttribute(read.value())));
    }

    /**
     * The actions that write {@code record} into {@code partition}: its head Put under {@code headCondition}, a Put
     * per chunk, and a Delete per chunk piece the stored value had beyond the new piece count.
     *
     * @param previousPieces the piece count of the stored value ({@link RecordItems#pieces}; 0 when absent or a
     *     tombstone)
     */
    public static List<WriteAction> recordActions(String partition, Record record, @Nullable Condition headCondition,
            int previousPieces) {
        return recordActions(partition, record, headCondition, previousPieces, false);
    }

    /**
     * {@link #recordActions(String, Record, Condition, int)}, the head marked {@link RecordItems#IMPORTED} when
     * {@code imported}: an import's write of Cognito's change.
     */
    public static List<WriteAction> recordActions(String partition, Record record, @Nullable Condition headCondition,
            int previousPieces, boolean imported) {
        List<Item> items = RecordItems.toItems(partition, record, imported);
        List<WriteAction> actions = new ArrayList<>(items.size() + previousPieces);
        actions.add(new PutAction(items.get(0), headCondition));
        items.subList(1, items.size()).forEach(chunk -> actions.add(new PutAction(chunk, null)));
        RecordItems.staleChunkSortKeys(record.key(), previousPieces, record.isTombstone() ? 0 : items.size())
                .forEach(sortKey -> actions.add(new DeleteAction(partition, sortKey)));
        return actions;
    }

    /**
     * Packs records, in order, into transactions that each leave {@code reservedActions} free (for the metadata
     * action) within {@link SyncStoreLayout#MAX_TRANSACTION_ACTIONS} actions and {@link #MAX_TRANSACTION_BYTES}. A
     * record's actions are never split.
     *
     * @param actions the actions of one record
     * @return the records of each transaction
     * @throws IllegalArgumentException when one record's actions alone do not fit
     */
    public static <T> List<List<T>> pack(List<T> records, Function<T, List<WriteAction>> actions,
            int reservedActions) {
        int maxActions = SyncStoreLayout.MAX_TRANSACTION_ACTIONS - reservedActions;
        List<List<T>> transactions = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int currentActions = 0;
        long currentBytes = 0;
        for (T record : records) {
            List<WriteAction> recordActions = actions.apply(record);
            long recordBytes = recordActions.stream().mapToLong(ImportTransactions::bytes).sum();
            if (recordActions.size() > maxActions || recordBytes > MAX_TRANSACTION_BYTES) {
                throw new IllegalArgumentException("A record needing " + recordActions.size() + " actions and "
                        + recordBytes + " bytes does not fit one transaction");
            }
            boolean full = currentActions + recordActions.size() > maxActions
                    || currentBytes + recordBytes > MAX_TRANSACTION_BYTES;
            if (full) {
                transactions.add(List.copyOf(current));
                current = new ArrayList<>();
                currentActions = 0;
                currentBytes = 0;
            }
            current.add(record);
            currentActions += recordActions.size();
            currentBytes += recordBytes;
        }
        if (!current.isEmpty()) {
            transactions.add(List.copyOf(current));
        }
        return transactions;
    }

    private static long bytes(WriteAction action) {
        return action instanceof PutAction put ? put.item().sizeBytes() + KEY_ACTION_BYTES : KEY_ACTION_BYTES;
    }
}
