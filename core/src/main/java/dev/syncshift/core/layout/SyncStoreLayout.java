package dev.syncshift.core.layout;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The sync-store layout: one DynamoDB table, documented here once. The migrator (through {@link DatasetItems} and
 * {@link RecordItems}) and the APPSYNC_JS resolvers in {@code graphql/resolvers} compute exactly these keys; the
 * shared vectors in {@code graphql/test/layout-vectors.json} pin that they agree.
 *
 * <h2>Table</h2>
 * Partition key {@value #PARTITION_KEY} (S), sort key {@value #SORT_KEY} (S), and two local secondary indexes on the
 * same partition key, both projecting ALL: {@value #SYNC_COUNT_INDEX} with sort key {@value #SYNC_COUNT} (N), and
 * {@value #LIVE_INDEX} with sort key {@value #LIVE_SORT_KEY} (S). LSIs (not GSIs) because "records of this dataset
 * with sync count &gt; N" and "the identity's live datasets" must be strongly consistent Queries.
 *
 * <h2>Items</h2>
 * <table>
 *   <caption>partition and sort keys</caption>
 *   <tr><th>item</th><th>{@value #PARTITION_KEY}</th><th>{@value #SORT_KEY}</th></tr>
 *   <tr><td>dataset metadata</td><td>{@code I#<identityId>}</td><td>{@code D#<datasetName>}</td></tr>
 *   <tr><td>dataset-creation lock</td><td>{@code I#<identityId>}</td><td>{@value #CREATION_LOCK_SORT_KEY}</td></tr>
 *   <tr><td>record head</td><td>{@code D#<identityId>#<datasetName>#<generation>}</td>
 *       <td>{@code K#<key>}, or {@code H#<sha256 hex of the key's UTF-8>} when the key's UTF-8 exceeds
 *       {@value #MAX_INLINE_KEY_BYTES} bytes</td></tr>
 *   <tr><td>value chunk</td><td>as its record head</td><td>{@code C#<piece>#<record head sort key>}</td></tr>
 * </table>
 * Identity ids ({@code [\w-]+:[0-9a-f-]+}) and dataset names ({@code [a-zA-Z0-9_.:-]}) cannot contain {@code #}, so
 * the keys parse back unambiguously; {@code K#}, {@code H#} and {@code C#} keep record and chunk sort keys apart.
 *
 * <p><b>Why a hash for long keys.</b> A key of 1,024 characters may take 4,096 UTF-8 bytes, four times DynamoDB's
 * sort-key limit, and no lossless encoding fits. An ordinal slot would need a read before every write to find it.
 * So keys whose UTF-8 exceeds {@value #MAX_INLINE_KEY_BYTES} bytes (in practice never: AWS's clients cap keys at 128
 * bytes) get {@code H#} and the SHA-256 of their UTF-8, with the full key in the {@code key} attribute. APPSYNC_JS has
 * no crypto module, so {@code readRecords.js} computes SHA-256 by hand; shared vectors pin both implementations.
 *
 * <p><b>Dataset metadata</b> ({@link DatasetItems}): {@code datasetName}, {@code syncCount} (the dataset sync count
 * and the optimistic lock of every push: writers condition on it), {@code numRecords}, {@code dataStorage},
 * {@code creationDate}, {@code lastModifiedDate} (epoch ms), {@code lastModifiedBy}, {@code deleted},
 * {@code generation}, {@code sourceWatermark} (the Cognito DatasetSyncCount last imported; absent for datasets
 * born on AppSync), {@code renumbered} (true once the store numbers the dataset's revisions itself: a push, or an
 * import applied as revisions), {@code sourceDeletedAt} (Cognito's count at a deletion an import settled by keeping
 * AppSync's data), while a device's copy-mode import is unfinished, {@code copiedUpTo} ("Imports"), while a first
 * copy (a device's or a pass's, from watermark 0) is unfinished, {@code firstCopyUpTo} (the highest count it stored,
 * which pushes and every other write that leaves the watermark at 0 on the live generation keep, and its last part,
 * a deletion and a new generation drop: {@link StoredDataset#firstCopyMark()}, docs/compat-client.md), and, while a
 * write-back into Cognito Sync may stand there beyond the watermark, {@code writeBackFrom} and {@code writeBackOver}
 * ({@link WriteBackMark}: every write computed from the item keeps them, and is conditioned on them; the write-back
 * takes them off, and a migrator's import that moves the watermark drops them). A live
 * dataset's item also carries {@value #LIVE_SORT_KEY}, a copy of its sort key, and a deleted one does not, so
 * {@value #LIVE_INDEX} is sparse: one query of {@code I#<identityId>} in it lists the identity's live datasets (and
 * the creation lock), never the deleted ones, however many an identity created and deleted over time. The table's
 * {@code I#<identityId>} partition keeps every metadata item, deleted ones included (their {@code generation} is
 * needed when a dataset of that name is read or created again).
 *
 * <p><b>Creation lock.</b> An item with {@code version} (N) and {@value #LIVE_SORT_KEY} (its sort key, so the query
 * of the live datasets reads it too). Every push that creates (or re-creates) a dataset bumps it, conditioned on the
 * version it read with the identity's live datasets, so two concurrent creations cannot both pass the 20-dataset
 * limit. Readers of the identity partition skip it ({@code L#}, not {@code D#}).
 *
 * <p><b>Generations.</b> Deleting a dataset is one conditional update of its metadata: {@code deleted=true},
 * {@code syncCount} + 1, {@code generation} = that new count. Records live in a partition named after the
 * generation, so a re-created dataset starts empty while sync counts stay monotonic: a device whose last count is
 * greater than zero and below {@code generation} learns that the dataset was deleted after it synced
 * ({@code datasetDeletedAfterRequestedSyncCount}). A dataset imported from Cognito Sync keeps Cognito's numbering
 * instead: Cognito keeps a deleted dataset's count D and continues a re-created one from it, so its import has
 * {@code generation} = D + 1 (and, while deleted, {@code syncCount} = D), which gives the same answer at every count.
 * Old partitions are garbage for a purge job; no reader looks at them.
 *
 * <p><b>Record heads</b> ({@link RecordItems}): {@code key} (the full key, always), {@code syncCount}, {@code value}
 * (piece 0; absent in a tombstone), {@code chunks} (number of pieces of a live value), {@code bytes} (UTF-8 bytes of
 * key plus value, 0 for a tombstone), {@code deleted}, {@code lastModifiedDate}, {@code lastModifiedBy},
 * {@code deviceLastModifiedDate} (optional), {@code imported} (true on a head an import wrote, the migrator's or a
 * device's, its change Cognito's; absent on every head a push writes).
 *
 * <p><b>Chunks.</b> A value longer than {@value #CHUNK_UNITS} UTF-16 code units is cut into pieces of at most that
 * many units (one fewer when the cut would split a surrogate pair). Piece 0 sits in the head, piece i &gt; 0 in a
 * chunk item holding {@code value} and {@code revision} (the head's sync count). Chunks carry no {@code syncCount},
 * so the LSI never lists them. DynamoDB's 400 KB limit covers an item plus its entries in every LSI, and the LSI
 * projects record heads whole, so a head counts twice: at most 3 UTF-8 bytes per code unit keep a piece under 192 KB
 * and a head with its index entry under 400 KB.
 *
 * <p><b>Atomic writes.</b> A record is written by one TransactWriteItems: its head (conditioned, see below), a Put
 * per chunk and a Delete per chunk piece the previous value had beyond the new piece count
 * ({@link ImportTransactions#recordActions}); a record's actions are never split between transactions. The migrator
 * reads the metadata item first (consistently) to find the generation and the state its writes are conditioned on,
 * then writes the records packed into transactions ({@link ImportTransactions#pack}), each with an action on the
 * metadata item conditioned on that state (Imports, below). The resolvers write a whole push in one
 * transaction: the metadata update conditioned on {@code syncCount = :expected} (or absence), plus every record's
 * items, each head conditioned on its expected count. A 1 MB dataset has at most 16 pieces per value and its values
 * total under 1 MB, so a push of normal size stays within the limits of {@value #MAX_TRANSACTION_ACTIONS} actions
 * and 4 MB; a larger push is refused with {@code LimitExceededException} and must be split by the caller.
 *
 * <p><b>Imports</b> ({@link ImportTransactions}). {@code sourceWatermark} is the Cognito DatasetSyncCount W all of
 * whose changes the store holds. An import of the Cognito changes after W (ListRecords with lastSyncCount W) is
 * conditioned, in every transaction, on the metadata item being as read (count T, generation, deleted flag and
 * watermark), or absent. While T = W and the dataset is not {@code renumbered}, nobody wrote the dataset on AppSync
 * and its counts are still Cognito's, and the import copies: records keep their Cognito counts and dates, count and
 * watermark become Cognito's count; it may take several transactions, and when the condition fails on the way it is
 * redone as revisions. An import in parts (a device's through the API, or the migrator's) writes the metadata item in
 * every part: earlier parts leave count and watermark at W and set {@code copiedUpTo}, the highest count of the
 * records they stored above the count, and the last one moves both; pushes count from above it (a count handed out
 * must not hide a stored record) and remove it, and every writer's condition covers it. Otherwise
 * devices already wrote on AppSync (or an import already applied revisions), and the Cognito changes are applied as
 * AppSync revisions, as pushes are: count T + 1, records stamped with it, heads conditioned on the count read, the
 * watermark moved by the last revision, which also sets {@code importedAt} to its count: a store record above
 * {@code importedAt} was written on AppSync since (the watermark, a Cognito count, cannot say so once the counts parted
 * ways). While a write-back mark stands, a Cognito record above {@code writeBackFrom} written with developer
 * credentials (its author is not the identity) is not applied over a store record above {@code writeBackOver}: it may
 * be the write-back's own copy of an older value, which Cognito dated at the write. A store record equal in value,
 * date and author to the
 * Cognito one is already imported and is skipped, so re-runs and retries never apply a change twice.
 *
 * <p>Keys and values are sequences of Unicode scalar values (well-formed UTF-16); DynamoDB stores UTF-8, so a lone
 * surrogate cannot be stored by any writer.
 */
public final class SyncStoreLayout {

    /** The partition key attribute. */
    public static final String PARTITION_KEY = "pk";
    /** The sort key attribute. */
    public static final String SORT_KEY = "sk";
    /** The LSI answering "records with sync count greater than N". */
    public static final String SYNC_COUNT_INDEX = "bySyncCount";
    /** The sync count attribute, the LSI's sort key. */
    public static final String SYNC_COUNT = "syncCount";
    /** The sparse LSI holding only live datasets' metadata items and the creation lock. */
    public static final String LIVE_INDEX = "liveDatasets";
    /** A copy of the sort key on the items of {@link #LIVE_INDEX}, and its sort key. */
    public static final String LIVE_SORT_KEY = "liveSk";
    /** The sort key of the identity's dataset-creation lock, in the identity partition. */
    public static final String CREATION_LOCK_SORT_KEY = "L#datasets";
    /**
     * The highest sync count a write may give a dataset, its records or its watermark: the API's counts are GraphQL
     * Ints (32-bit), where Cognito Sync's are 64-bit, and a count above the largest Int fails every read of the
     * identity's datasets through the API. One below it, since a dataset's deletion raises its count by one.
     */
    public static final long MAX_SYNC_COUNT = Integer.MAX_VALUE - 1L;
    /** UTF-16 code units of a value per piece. */
    public static final int CHUNK_UNITS = 65_536;
    /** The longest key, in UTF-8 bytes, that is kept readable in its sort key. */
    public static final int MAX_INLINE_KEY_BYTES = 1000;
    /** DynamoDB's item size limit (400 KB). */
    public static final int MAX_ITEM_BYTES = 400 * 1024;
    /** DynamoDB's sort key limit. */
    public static final int MAX_SORT_KEY_BYTES = 1024;
    /** DynamoDB's limit of actions in one TransactWriteItems. */
    public static final int MAX_TRANSACTION_ACTIONS = 100;

    private SyncStoreLayout() {
    }

    /** The partition holding the metadata items of all datasets of {@code identityId}. */
    public static String identityPartition(IdentityId identityId) {
        return "I#" + identityId.value();
    }

    /** The sort key of a dataset's metadata item inside its identity partition. */
    public static String datasetSortKey(DatasetName datasetName) {
        return "D#" + datasetName.value();
    }

    /** The partition holding the records of one generation of a dataset. */
    public static String recordPartition(IdentityId identityId, DatasetName datasetName, SyncCount generation) {
        return "D#" + identityId.value() + "#" + datasetName.value() + "#" + generation.value();
    }

    /** The sort key of a record's head item: {@code K#<key>}, or {@code H#<sha256>} for a long key. */
    public static String recordSortKey(RecordKey key) {
        byte[] utf8 = key.value().getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_INLINE_KEY_BYTES) {
            return "K#" + key.value();
        }
        return "H#" + HexFormat.of().formatHex(sha256(utf8));
    }

    /** The sort key of piece {@code piece} (1 or more) of the value of the record whose head is {@code headSortKey}. */
    public static String chunkSortKey(String headSortKey, int piece) {
        if (piece < 1) {
            throw new IllegalArgumentException("Piece 0 lives in the record head, not in a chunk: " + piece);
        }
        return "C#" + piece + "#" + headSortKey;
    }

    /** Cuts {@code value} into pieces of at most {@link #CHUNK_UNITS} code units, never inside a surrogate pair. */
    public static List<String> split(String value) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(start + CHUNK_UNITS, value.length());
            if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
                end -= 1;
            }
            pieces.add(value.substring(start, end));
            start = end;
        } while (start < value.length());
        return pieces;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
