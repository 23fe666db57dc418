package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetSnapshot;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A dataset as stored. A deleted dataset keeps its key, its last sync count and the count it was deleted at, so
 * that ListRecords can report {@code DatasetDeletedAfterRequestedSyncCount} and a re-created dataset continues
 * counting from there.
 *
 * @param poolId the identity pool the dataset's identity belongs to
 * @param key identity and dataset name
 * @param exists false once deleted (until written again)
 * @param snapshot the records and sync count; no records while deleted
 * @param creationDate when this incarnation was created
 * @param lastModifiedDate when it last changed
 * @param lastModifiedBy who changed it last
 * @param deletedAtSyncCount the sync count at the latest deletion, if it was ever deleted
 * @param mergedFrom the identity this dataset was merged from, while the merge is still reported
 */
public record StoredDataset(
        IdentityPoolId poolId,
        DatasetKey key,
        boolean exists,
        DatasetSnapshot snapshot,
        Instant creationDate,
        Instant lastModifiedDate,
        String lastModifiedBy,
        @Nullable Long deletedAtSyncCount,
        @Nullable IdentityId mergedFrom) {

    /** The dataset's metadata (DescribeDataset's {@code Dataset}). */
    public DatasetMetadata metadata() {
        return new DatasetMetadata(key, creationDate, lastModifiedDate, lastModifiedBy, snapshot.storageBytes(),
                snapshot.liveRecords(), snapshot.syncCount());
    }

    /** This dataset with {@code next} as its records, written by {@code modifiedBy} at {@code now}. */
    public StoredDataset written(DatasetSnapshot next, String modifiedBy, Instant now) {
        Instant created = exists ? creationDate : now;
        return new StoredDataset(poolId, key, true, next, created, now, modifiedBy, deletedAtSyncCount, mergedFrom);
    }

    /** This dataset deleted at {@code now}: no records, the count kept, the merge report dropped. */
    public StoredDataset deleted(String modifiedBy, Instant now) {
        DatasetSnapshot empty = new DatasetSnapshot(snapshot.syncCount(), Map.of());
        return new StoredDataset(poolId, key, false, empty, creationDate, now, modifiedBy,
                snapshot.syncCount().value(), null);
    }

    /** This dataset no longer reporting the merge it came from. */
    public StoredDataset mergeAcknowledged() {
        return new StoredDataset(poolId, key, exists, snapshot, creationDate, lastModifiedDate, lastModifiedBy,
                deletedAtSyncCount, null);
    }
}
