package dev.syncshift.client;

import dev.syncshift.client.spi.CountSpace;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.client.spi.RecordUpdate;
import dev.syncshift.client.spi.RememberedIdentity;
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
 * A real cache (a SQLite file) with a hook run before each read of the identity the cache remembers for a pool
 * ({@link #identity}, {@link #remembered}): the window in which a synchronize has taken what its manager last saw and
 * looks at what the file holds now, or a manager is built while another changes the file; and one run before each
 * write that may wipe ({@link #wipe}, {@link #writeUnlessMoved}): the window in which a manager has decided what to
 * wipe. A hook run within {@link #writeUnlessMoved}'s write runs in its transaction. Not a mock: every call goes to
 * the cache.
 */
record HookedCache(LocalCache delegate, Runnable beforeIdentity, Runnable beforeWipe) implements LocalCache {

    /** With no hook before writes. */
    HookedCache(LocalCache delegate, Runnable beforeIdentity) {
        this(delegate, beforeIdentity, () -> { });
    }

    @Override
    public Optional<IdentityId> identity(IdentityPoolId pool) {
        beforeIdentity.run();
        return delegate.identity(pool);
    }

    @Override
    public RememberedIdentity remembered(IdentityPoolId pool) {
        beforeIdentity.run();
        return delegate.remembered(pool);
    }

    @Override
    public LocalDataset openDataset(DatasetKey key, Instant now) {
        return delegate.openDataset(key, now);
    }

    @Override
    public Optional<LocalDataset> dataset(DatasetKey key) {
        return delegate.dataset(key);
    }

    @Override
    public List<LocalDataset> datasets(IdentityId identityId) {
        return delegate.datasets(identityId);
    }

    @Override
    public Optional<LocalRecord> record(DatasetKey key, RecordKey recordKey) {
        return delegate.record(key, recordKey);
    }

    @Override
    public List<LocalRecord> records(DatasetKey key) {
        return delegate.records(key);
    }

    @Override
    public List<LocalRecord> modifiedRecords(DatasetKey key) {
        return delegate.modifiedRecords(key);
    }

    @Override
    public void putValues(DatasetKey key, Map<RecordKey, @Nullable String> values, Instant now) {
        delegate.putValues(key, values, now);
    }

    @Override
    public void putRecords(DatasetKey key, List<LocalRecord> records) {
        delegate.putRecords(key, records);
    }

    @Override
    public List<RecordUpdate> update(DatasetKey key, List<RecordUpdate> updates) {
        return delegate.update(key, updates);
    }

    @Override
    public void setLastSyncCount(DatasetKey key, SyncCount count, CountSpace space) {
        delegate.setLastSyncCount(key, count, space);
    }

    @Override
    public void forgetCounts(DatasetKey key, CountSpace space, Set<RecordKey> onService) {
        delegate.forgetCounts(key, space, onService);
    }

    @Override
    public void markDeleted(DatasetKey key, Instant now) {
        delegate.markDeleted(key, now);
    }

    @Override
    public void remoteDeleted(DatasetKey key) {
        delegate.remoteDeleted(key);
    }

    @Override
    public void purge(DatasetKey key) {
        delegate.purge(key);
    }

    @Override
    public void updateMetadata(DatasetMetadata metadata) {
        delegate.updateMetadata(metadata);
    }

    @Override
    public void changeIdentity(IdentityId from, IdentityId to) {
        delegate.changeIdentity(from, to);
    }

    @Override
    public void wipe(IdentityId identityId) {
        beforeWipe.run();
        delegate.wipe(identityId);
    }

    @Override
    public long wipes(IdentityPoolId pool) {
        return delegate.wipes(pool);
    }

    @Override
    public boolean writeUnlessMoved(IdentityPoolId pool, long wipes, @Nullable IdentityId identity, Runnable write) {
        beforeWipe.run();
        return delegate.writeUnlessMoved(pool, wipes, identity, write);
    }

    @Override
    public void rememberIdentity(IdentityPoolId pool, IdentityId identityId) {
        delegate.rememberIdentity(pool, identityId);
    }

    @Override
    public IdentityId rememberFirstIdentity(IdentityPoolId pool, IdentityId identityId) {
        return delegate.rememberFirstIdentity(pool, identityId);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
