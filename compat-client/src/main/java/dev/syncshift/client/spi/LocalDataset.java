package dev.syncshift.client.spi;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A dataset as the local cache holds it.
 *
 * @param key identity and name
 * @param lastSyncCount the service's dataset count this device last saw, zero if never synced
 * @param deletedLocally whether {@code delete()} was called and the service's copy is still to be deleted
 * @param creationDate the service's creation date (the local one until metadata is refreshed)
 * @param lastModifiedDate when it last changed, locally or (after a refresh) on the service
 * @param lastModifiedBy who changed it last on the service, null until a refresh
 * @param storageSizeBytes the service's size as of the last refresh
 * @param recordCount the service's live records as of the last refresh
 * @param countSpace the service that numbered {@code lastSyncCount} and the records' counts ({@code COGNITO_SYNC}
 *     for a dataset no synchronize has stamped, as in AWS's own cache files)
 */
public record LocalDataset(DatasetKey key, SyncCount lastSyncCount, boolean deletedLocally, Instant creationDate,
        Instant lastModifiedDate, @Nullable String lastModifiedBy, long storageSizeBytes, long recordCount,
        CountSpace countSpace) {
}
