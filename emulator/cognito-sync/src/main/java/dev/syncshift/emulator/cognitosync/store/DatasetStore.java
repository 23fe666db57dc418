package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Datasets and their records, and the pool's sync-session counters. Reads never block; writers of one identity's
 * datasets are serialised by {@link #locked}, so a read-check-write sequence run inside it is atomic per identity
 * (which the 20-datasets-per-identity limit needs).
 */
public interface DatasetStore {

    /** The dataset, existing or deleted, if it was ever written. */
    Optional<StoredDataset> find(DatasetKey key);

    /** Every dataset the identity ever wrote, existing or deleted, ordered by name. */
    List<StoredDataset> list(IdentityId identityId);

    /** Every dataset of every identity of the pool, existing or deleted. */
    List<StoredDataset> listPool(IdentityPoolId poolId);

    /** Stores {@code dataset}, replacing what was stored under its key. Call inside {@link #locked}. */
    void put(StoredDataset dataset);

    /** Removes the dataset entirely (used when a merge moves it). Call inside {@link #locked}. */
    void remove(DatasetKey key);

    /** Runs {@code action} holding the lock of {@code identityId}'s datasets. */
    <T> T locked(IdentityId identityId, Supplier<T> action);

    /** Counts one sync session (a SyncSessionToken issued) for the pool. */
    void countSyncSession(IdentityPoolId poolId);

    /** The sync sessions counted for the pool. */
    long syncSessions(IdentityPoolId poolId);
}
