package dev.syncshift.core.layout;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Converts a {@link StoredDataset} to and from its metadata item ({@link SyncStoreLayout}, "Dataset metadata"). */
public final class DatasetItems {

    /** The dataset name attribute. */
    public static final String DATASET_NAME = "datasetName";
    /** Live records of the dataset. */
    public static final String NUM_RECORDS = "numRecords";
    /** UTF-8 bytes of the keys and values of live records. */
    public static final String DATA_STORAGE = "dataStorage";
    /** Epoch milliseconds of creation. */
    public static final String CREATION_DATE = "creationDate";
    /** Epoch milliseconds of the last change. */
    public static final String LAST_MODIFIED_DATE = "lastModifiedDate";
    /** Who changed it last. */
    public static final String LAST_MODIFIED_BY = "lastModifiedBy";
    /** Deleted flag. */
    public static final String DELETED = "deleted";
    /** The sync count at which the current generation began. */
    public static final String GENERATION = "generation";
    /** The Cognito DatasetSyncCount last imported. */
    public static final String SOURCE_WATERMARK = "sourceWatermark";
    /** Present (true) once the store numbers the dataset's revisions itself. */
    public static final String RENUMBERED = "renumbered";
    /** Cognito's count at a deletion an import settled by keeping AppSync's data. */
    public static final String SOURCE_DELETED_AT = "sourceDeletedAt";
    /** The highest count an unfinished copy-mode import stored above the dataset's count. */
    public static final String COPIED_UP_TO = "copiedUpTo";
    /** The highest count an unfinished first copy (a copy-mode import from watermark 0) stored. */
    public static final String FIRST_COPY_UP_TO = "firstCopyUpTo";
    /** The dataset's count right after the import that last moved the watermark. */
    public static final String IMPORTED_AT = "importedAt";
    /** Cognito's count that a write-back under way based its UpdateRecords on ({@link WriteBackMark}). */
    public static final String WRITE_BACK_FROM = "writeBackFrom";
    /** The dataset's count when the write-back under way read the store ({@link WriteBackMark}). */
    public static final String WRITE_BACK_OVER = "writeBackOver";

    private DatasetItems() {
    }

    /**
     * The metadata item of {@code dataset}. Dates are stored in epoch milliseconds; a live dataset's item carries
     * {@link SyncStoreLayout#LIVE_SORT_KEY}, which puts it in {@link SyncStoreLayout#LIVE_INDEX}.
     */
    public static Item toItem(StoredDataset dataset) {
        DatasetMetadata meta = dataset.metadata();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SyncStoreLayout.PARTITION_KEY, s(SyncStoreLayout.identityPartition(meta.key().identityId())));
        item.put(SyncStoreLayout.SORT_KEY, s(SyncStoreLayout.datasetSortKey(meta.key().datasetName())));
        item.put(DATASET_NAME, s(meta.key().datasetName().value()));
        item.put(SyncStoreLayout.SYNC_COUNT, n(meta.syncCount().value()));
        item.put(NUM_RECORDS, n(meta.numRecords()));
        item.put(DATA_STORAGE, n(meta.dataStorage()));
        item.put(CREATION_DATE, n(meta.creationDate().toEpochMilli()));
        item.put(LAST_MODIFIED_DATE, n(meta.lastModifiedDate().toEpochMilli()));
        item.put(LAST_MODIFIED_BY, s(meta.lastModifiedBy()));
        item.put(DELETED, new BooleanAttribute(dataset.deleted()));
        item.put(GENERATION, n(dataset.generation().value()));
        if (!dataset.deleted()) {
            item.put(SyncStoreLayout.LIVE_SORT_KEY, s(SyncStoreLayout.datasetSortKey(meta.key().datasetName())));
        }
        if (dataset.sourceWatermark() != null) {
            item.put(SOURCE_WATERMARK, n(dataset.sourceWatermark().value()));
        }
        if (dataset.renumbered()) {
            item.put(RENUMBERED, new BooleanAttribute(true));
        }
        putCount(item, SOURCE_DELETED_AT, dataset.sourceDeletedAt());
        putCount(item, COPIED_UP_TO, dataset.copiedUpTo());
        putCount(item, FIRST_COPY_UP_TO, dataset.firstCopyUpTo());
        putCount(item, IMPORTED_AT, dataset.importedAt());
        if (dataset.writeBack() != null) {
            item.put(WRITE_BACK_FROM, n(dataset.writeBack().cognitoCount().value()));
            item.put(WRITE_BACK_OVER, n(dataset.writeBack().storeCount().value()));
        }
        return new Item(item);
    }

    /**
     * Reads a metadata item of {@code identityId}'s partition.
     *
     * @throws IllegalArgumentException when the item is not a metadata item of the layout
     */
    public static StoredDataset fromItem(IdentityId identityId, Item item) {
        DatasetKey key = new DatasetKey(identityId, new DatasetName(item.string(DATASET_NAME)));
        DatasetMetadata meta = new DatasetMetadata(key,
                Instant.ofEpochMilli(item.number(CREATION_DATE)),
                Instant.ofEpochMilli(item.number(LAST_MODIFIED_DATE)),
                item.string(LAST_MODIFIED_BY),
                item.number(DATA_STORAGE),
                item.number(NUM_RECORDS),
                new SyncCount(item.number(SyncStoreLayout.SYNC_COUNT)));
        return new StoredDataset(meta, item.flag(DELETED), new SyncCount(item.number(GENERATION)),
                count(item.optionalNumber(SOURCE_WATERMARK)), item.flag(RENUMBERED),
                count(item.optionalNumber(SOURCE_DELETED_AT)), count(item.optionalNumber(COPIED_UP_TO)),
                count(item.optionalNumber(IMPORTED_AT)), writeBack(item),
                count(item.optionalNumber(FIRST_COPY_UP_TO)));
    }

    private static @Nullable WriteBackMark writeBack(Item item) {
        SyncCount from = count(item.optionalNumber(WRITE_BACK_FROM));
        SyncCount over = count(item.optionalNumber(WRITE_BACK_OVER));
        return from == null || over == null ? null : new WriteBackMark(from, over);
    }

    private static void putCount(Map<String, AttributeValue> item, String name, @Nullable SyncCount count) {
        if (count != null) {
            item.put(name, n(count.value()));
        }
    }

    private static StringAttribute s(String value) {
        return new StringAttribute(value);
    }

    private static NumberAttribute n(long value) {
        return new NumberAttribute(value);
    }

    private static @Nullable SyncCount count(@Nullable Long value) {
        return value == null ? null : new SyncCount(value);
    }
}
