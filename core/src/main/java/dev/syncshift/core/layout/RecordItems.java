package dev.syncshift.core.layout;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Converts a {@link Record} to and from its head and chunk items ({@link SyncStoreLayout}, "Record heads"). */
public final class RecordItems {

    /** The full record key. */
    public static final String KEY = "key";
    /** The value, or piece 0 of it in a head, or piece i in a chunk. */
    public static final String VALUE = "value";
    /** Number of pieces of a live value (1 when it fits in the head). */
    public static final String CHUNKS = "chunks";
    /** UTF-8 bytes of key plus value; 0 for a tombstone. */
    public static final String BYTES = "bytes";
    /** Tombstone flag. */
    public static final String DELETED = "deleted";
    /** Epoch milliseconds when the service stored the change. */
    public static final String LAST_MODIFIED_DATE = "lastModifiedDate";
    /** Who made the change. */
    public static final String LAST_MODIFIED_BY = "lastModifiedBy";
    /** Epoch milliseconds when the device says it made the change. */
    public static final String DEVICE_LAST_MODIFIED_DATE = "deviceLastModifiedDate";
    /** On a chunk: the sync count of the head it belongs to. */
    public static final String REVISION = "revision";
    /**
     * On a head an import wrote (the migrator's or a device's, a copy or a revision), true: the change is Cognito's,
     * not one a device made on AppSync, wherever it stands (a part of a copy or a revision left above the watermark or
     * {@code importedAt} by an import stopped before its last). Absent on every other head: a push
     * writes a head afresh, so a device's change to the record takes it off.
     */
    public static final String IMPORTED = "imported";

    private RecordItems() {
    }

    /** The items of {@code record} in {@code partition}: its head first, then its chunks in piece order. */
    public static List<Item> toItems(String partition, Record record) {
        return toItems(partition, record, false);
    }

    /**
     * The items of {@code record} in {@code partition}, its head marked {@link #IMPORTED} when {@code imported}: its
     * head first, then its chunks in piece order.
     */
    public static List<Item> toItems(String partition, Record record, boolean imported) {
        String headKey = SyncStoreLayout.recordSortKey(record.key());
        List<String> pieces = record.value() == null ? List.of() : SyncStoreLayout.split(record.value());
        List<Item> items = new ArrayList<>(Math.max(1, pieces.size()));
        items.add(head(partition, headKey, record, pieces, imported));
        for (int piece = 1; piece < pieces.size(); piece++) {
            Map<String, AttributeValue> chunk = new HashMap<>();
            chunk.put(SyncStoreLayout.PARTITION_KEY, new StringAttribute(partition));
            chunk.put(SyncStoreLayout.SORT_KEY, new StringAttribute(SyncStoreLayout.chunkSortKey(headKey, piece)));
            chunk.put(VALUE, new StringAttribute(pieces.get(piece)));
            chunk.put(REVISION, new NumberAttribute(record.syncCount().value()));
            items.add(new Item(chunk));
        }
        return items;
    }

    /** The number of pieces a head's value has; 0 for a tombstone. */
    public static int pieces(Item head) {
        return head.flag(DELETED) ? 0 : (int) head.number(CHUNKS);
    }

    /**
     * The sort keys of the chunks a record had with {@code previousPieces} pieces that a value of
     * {@code newPieces} pieces no longer uses: delete them in the same transaction that writes the new value.
     */
    public static List<String> staleChunkSortKeys(RecordKey key, int previousPieces, int newPieces) {
        String headKey = SyncStoreLayout.recordSortKey(key);
        List<String> stale = new ArrayList<>();
        for (int piece = Math.max(1, newPieces); piece < previousPieces; piece++) {
            stale.add(SyncStoreLayout.chunkSortKey(headKey, piece));
        }
        return stale;
    }

    /**
     * Reads a record from its head and the chunks of its value, in any order.
     *
     * @throws IllegalArgumentException when a chunk is missing, extra, or of another revision than the head (a torn
     *     read: read head and chunks in one TransactGetItems, or read again)
     */
    public static Record fromItems(Item head, List<Item> chunks) {
        RecordKey key = new RecordKey(head.string(KEY));
        SyncCount syncCount = new SyncCount(head.number(SyncStoreLayout.SYNC_COUNT));
        String value = head.flag(DELETED) ? null : join(head, chunks, syncCount);
        Long device = head.optionalNumber(DEVICE_LAST_MODIFIED_DATE);
        return new Record(key, value, syncCount, Instant.ofEpochMilli(head.number(LAST_MODIFIED_DATE)),
                head.string(LAST_MODIFIED_BY), device == null ? null : Instant.ofEpochMilli(device));
    }

    /** Whether a head was written by an import: it holds Cognito's change ({@link #IMPORTED}). */
    public static boolean imported(Item head) {
        return head.flag(IMPORTED);
    }

    private static Item head(String partition, String headKey, Record record, List<String> pieces,
            boolean imported) {
        Map<String, AttributeValue> head = new HashMap<>();
        head.put(SyncStoreLayout.PARTITION_KEY, new StringAttribute(partition));
        head.put(SyncStoreLayout.SORT_KEY, new StringAttribute(headKey));
        head.put(KEY, new StringAttribute(record.key().value()));
        head.put(SyncStoreLayout.SYNC_COUNT, new NumberAttribute(record.syncCount().value()));
        head.put(DELETED, new BooleanAttribute(record.isTombstone()));
        head.put(BYTES, new NumberAttribute(record.storageBytes()));
        head.put(LAST_MODIFIED_DATE, new NumberAttribute(record.lastModifiedDate().toEpochMilli()));
        head.put(LAST_MODIFIED_BY, new StringAttribute(record.lastModifiedBy()));
        if (record.deviceLastModifiedDate() != null) {
            head.put(DEVICE_LAST_MODIFIED_DATE, new NumberAttribute(record.deviceLastModifiedDate().toEpochMilli()));
        }
        if (!pieces.isEmpty()) {
            head.put(VALUE, new StringAttribute(pieces.get(0)));
            head.put(CHUNKS, new NumberAttribute(pieces.size()));
        }
        if (imported) {
            head.put(IMPORTED, new BooleanAttribute(true));
        }
        return new Item(head);
    }

    private static String join(Item head, List<Item> chunks, SyncCount revision) {
        int pieces = pieces(head);
        Map<Integer, String> byPiece = new TreeMap<>();
        String headKey = head.string(SyncStoreLayout.SORT_KEY);
        for (Item chunk : chunks) {
            if (chunk.number(REVISION) != revision.value()) {
                throw new IllegalArgumentException("Chunk " + chunk.string(SyncStoreLayout.SORT_KEY)
                        + " is of revision " + chunk.number(REVISION) + ", its head of " + revision);
            }
            byPiece.put(pieceOf(chunk.string(SyncStoreLayout.SORT_KEY), headKey), chunk.string(VALUE));
        }
        if (byPiece.size() != pieces - 1 || !byPiece.keySet().stream().allMatch(p -> p >= 1 && p < pieces)) {
            throw new IllegalArgumentException("Record " + headKey + " has " + pieces + " pieces but chunks "
                    + byPiece.keySet());
        }
        StringBuilder value = new StringBuilder(head.string(VALUE));
        byPiece.values().forEach(value::append);
        return value.toString();
    }

    private static int pieceOf(String chunkSortKey, String headKey) {
        int hash = chunkSortKey.indexOf('#', 2);
        @Nullable String owner = hash < 0 ? null : chunkSortKey.substring(hash + 1);
        if (!chunkSortKey.startsWith("C#") || !headKey.equals(owner)) {
            throw new IllegalArgumentException("Not a chunk of " + headKey + ": " + chunkSortKey);
        }
        return Integer.parseInt(chunkSortKey.substring(2, hash));
    }
}
