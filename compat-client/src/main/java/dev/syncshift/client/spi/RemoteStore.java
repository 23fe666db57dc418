package dev.syncshift.client.spi;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import java.util.List;

/**
 * The port to the service that stores datasets: Cognito Sync, AppSync, or both during a cutover. Identity comes from
 * the remote's credentials; {@code key.identityId()} must be that identity. Thread-safe.
 *
 * <p>Failures are {@link dev.syncshift.client.DataStorageException}s, each adapter translating its backend's errors
 * in one place and keeping the cause: {@link dev.syncshift.client.DataConflictException} for a stale push,
 * {@link dev.syncshift.client.DataLimitExceededException}, {@link dev.syncshift.client.DatasetNotFoundException},
 * {@link dev.syncshift.client.DataAccessNotAuthorizedException}, {@link dev.syncshift.client.NetworkException}, and
 * the base class for anything else (throttling, server errors).
 */
public interface RemoteStore extends AutoCloseable {

    /**
     * The records changed after {@code lastSyncCount} (exclusive), every page of them; a remote may return more
     * (the cutover remote returns the whole dataset at its first touch), which the engine applies idempotently.
     */
    RemoteChanges listUpdates(DatasetKey key, SyncCount lastSyncCount);

    /**
     * Pushes {@code patches} (each carrying the count it is based on), all or nothing per call, raising the dataset's
     * count by one per call. A remote may split a push too large for one call; then earlier parts may be stored when
     * a later one fails.
     */
    PushResult putRecords(DatasetKey key, List<RecordPatch> patches);

    /** The service whose sync counts this remote gives (the engine never compares counts of different ones). */
    CountSpace countSpace();

    /** Whether {@link #pushAndPull} is one round trip; when false the engine pulls, then pushes. */
    default boolean pushesAndPullsInOneCall() {
        return false;
    }

    /**
     * {@link #putRecords}, then {@link #listUpdates} from {@code lastSyncCount}, in one round trip.
     *
     * @throws UnsupportedOperationException when {@link #pushesAndPullsInOneCall} is false
     */
    default RemoteSync pushAndPull(DatasetKey key, SyncCount lastSyncCount, List<RecordPatch> patches) {
        throw new UnsupportedOperationException("this remote pulls and pushes in separate calls");
    }

    /** Deletes the dataset; {@link dev.syncshift.client.DatasetNotFoundException} when it does not exist. */
    void deleteDataset(DatasetKey key);

    /** The identity's datasets. */
    List<DatasetMetadata> listDatasets(IdentityId identityId);

    /**
     * Starts telling {@code listener} of changes to the dataset made by others.
     *
     * @throws IllegalStateException when the backend offers no subscription
     */
    default AutoCloseable subscribe(DatasetKey key, DatasetChangeListener listener) {
        throw new IllegalStateException("This backend offers no subscriptions; use the appsync or cutover backend");
    }

    /**
     * Starts telling {@code listener} of changes others make to any dataset of {@code identity}, over one connection.
     *
     * @throws IllegalStateException when the backend offers no subscription
     */
    default AutoCloseable subscribeAll(IdentityId identity, DatasetChangeListener listener) {
        throw new IllegalStateException("This backend offers no subscriptions; use the appsync or cutover backend");
    }

    /** Releases connections. */
    @Override
    default void close() {
    }
}
