package dev.syncshift.client.spi;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The port to the device's cache of datasets and records (the SQLite file, or memory in tests). Every method is
 * atomic and thread-safe; a method that returns has made its change durable (a crash after it loses nothing).
 * Failures are {@link dev.syncshift.client.DataStorageException}s.
 *
 * <p>Data written before the device has a Cognito identity id lives under {@link #UNKNOWN_IDENTITY} until
 * {@link #changeIdentity} moves it.
 */
public interface LocalCache extends AutoCloseable {

    /** The identity of data written before any Cognito id was known (stored as {@code unknown}, as Android did). */
    IdentityId UNKNOWN_IDENTITY = new IdentityId("unknown:0");

    /** The dataset, created empty (count zero, dates {@code now}) when absent. */
    LocalDataset openDataset(DatasetKey key, Instant now);

    /** The dataset, if the cache has it. */
    Optional<LocalDataset> dataset(DatasetKey key);

    /** Every dataset of {@code identityId}, deleted-but-unsynced ones included, by name. */
    List<LocalDataset> datasets(IdentityId identityId);

    /** The record of {@code recordKey}, deleted ones included. */
    Optional<LocalRecord> record(DatasetKey key, RecordKey recordKey);

    /** Every record of the dataset, deleted ones included, by key. */
    List<LocalRecord> records(DatasetKey key);

    /** The records holding a local change. */
    List<LocalRecord> modifiedRecords(DatasetKey key);

    /**
     * Local edits: each key gets its value (null deletes) as a local change at {@code now}, keeping its base count;
     * a key that already has that value is left alone. All or nothing; creates the dataset when absent.
     */
    void putValues(DatasetKey key, Map<RecordKey, @Nullable String> values, Instant now);

    /** Stores the records as given, unconditionally (conflict resolution). */
    void putRecords(DatasetKey key, List<LocalRecord> records);

    /**
     * Conditional writes in one transaction (see {@link RecordUpdate}). While the dataset is deleted locally, an
     * update that expects no record (a record pulled for a new key) is skipped: a deletion the app made while a pull
     * was answered does not bring the pulled records back.
     *
     * @return the updates that were stored as given (neither skipped nor rebased)
     */
    List<RecordUpdate> update(DatasetKey key, List<RecordUpdate> updates);

    /** Sets the count of the service's dataset this device has caught up with, and which service numbered it. */
    void setLastSyncCount(DatasetKey key, SyncCount count, CountSpace space);

    /**
     * After a switch of backend, before the first pull from the new one: the dataset's counts came from the other
     * service and mean nothing to this one. In one transaction, sets the dataset's count and every record's base
     * count to zero, removes the records without a local change whose keys {@code onService} lacks (the other
     * service's copy, which the new one's replaces), and marks the dataset as counted by {@code space}. Records with
     * a local change keep it, and their service date and writer, by which the pull can still recognize the version
     * they are based on.
     */
    void forgetCounts(DatasetKey key, CountSpace space, Set<RecordKey> onService);

    /** {@code delete()}: removes the records and marks the dataset for deletion on the service. */
    void markDeleted(DatasetKey key, Instant now);

    /**
     * After the service's copy was deleted: purges the dataset, unless records were written after
     * {@link #markDeleted}, in which case the dataset stays as a new, never-synced one holding them.
     */
    void remoteDeleted(DatasetKey key);

    /** Removes the dataset and its records. */
    void purge(DatasetKey key);

    /** Stores the service's metadata of a dataset (creating the local dataset when absent); counts are untouched. */
    void updateMetadata(DatasetMetadata metadata);

    /**
     * Moves the data of {@code from} to {@code to}. From {@link #UNKNOWN_IDENTITY}: datasets keep their names, but one
     * whose name {@code to} already has becomes {@code <name>.unknown}. From a real identity: each dataset becomes
     * {@code <name>.<from>}, keeping its records and counts (the name the service gives datasets an identity merge
     * moved). Safe to repeat; never fails on a name {@code to} already has.
     *
     * <p>A target that exists already (a second move of the same identity's data: two managers of one cache file that
     * both follow a login, or data written under the old identity after its first move) is merged into, dropping
     * nothing local: it keeps its own entry (its sync count and count space), a record only the moved dataset has
     * joins it, and of two records with one key it keeps the one {@link LocalRecord#keptOnMove} names.
     */
    void changeIdentity(IdentityId from, IdentityId to);

    /**
     * Deletes every dataset and record of {@code identityId} (and only of it), and forgets it as any pool's
     * remembered identity, counting a wipe of each such pool ({@link #wipes}).
     */
    void wipe(IdentityId identityId);

    /**
     * How often {@link #wipe} forgot the remembered identity of {@code pool}: another manager or process sharing the
     * cache tells a wipe there from a login by it, also once a new identity is remembered after the wipe. This
     * default, for a cache that cannot be shared, counts none.
     */
    default long wipes(IdentityPoolId pool) {
        return 0;
    }

    /**
     * Runs {@code write} (calls on this cache) unless another manager or process sharing the cache wiped or moved the
     * device's data since a synchronize began: {@link #wipes} of {@code pool} is no longer {@code wipes} (a wipe, and
     * what the synchronize pulled must not come back into the cache), or the identity remembered for {@code pool}
     * ({@link #identity}) is no longer {@code identity}, when one is given (a login, which moved the local data to
     * another identity, and what was pulled for the one left must not be written under it). A cache that can be
     * shared checks and writes in one transaction; this default, for one that cannot, checks and then writes.
     *
     * @return whether {@code write} ran
     */
    default boolean writeUnlessMoved(IdentityPoolId pool, long wipes, @Nullable IdentityId identity, Runnable write) {
        if (wipes(pool) != wipes || identity != null && !identity(pool).equals(Optional.of(identity))) {
            return false;
        }
        write.run();
        return true;
    }

    /**
     * The identity remembered for {@code pool} ({@link #identity}) and its count of wipes ({@link #wipes}) as of one
     * moment, so that a login or a wipe by another manager or process sharing the cache cannot land between the two.
     * A cache that can be shared reads both in one transaction; this default, for one that cannot, reads one and then
     * the other.
     */
    default RememberedIdentity remembered(IdentityPoolId pool) {
        return new RememberedIdentity(identity(pool).orElse(null), wipes(pool));
    }

    /** The identity id the device was last given in {@code pool}. */
    Optional<IdentityId> identity(IdentityPoolId pool);

    /** Remembers the device's identity id in {@code pool}. */
    void rememberIdentity(IdentityPoolId pool, IdentityId identityId);

    /**
     * Remembers {@code identityId} as the device's identity in {@code pool} unless the cache remembers one already
     * (another manager or process sharing the cache got its identity first), and returns the one it remembers. A cache
     * that can be shared does both in one step; this default, for one that cannot, does them one after the other.
     */
    default IdentityId rememberFirstIdentity(IdentityPoolId pool, IdentityId identityId) {
        Optional<IdentityId> first = identity(pool);
        if (first.isPresent()) {
            return first.get();
        }
        rememberIdentity(pool, identityId);
        return identityId;
    }

    /** Releases the cache; further calls fail with {@link IllegalStateException}. */
    @Override
    void close();
}
