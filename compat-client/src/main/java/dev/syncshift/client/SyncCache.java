package dev.syncshift.client;

import dev.syncshift.client.spi.CountSpace;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.client.spi.RecordUpdate;
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
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The cache as one synchronize sees it: reads as they are, writes only while the device's local data is where it was
 * when the synchronize began. After a {@code wipeData} (a logout) or a login that moved the data to another identity,
 * every write fails, so nothing the synchronize pulled for the identity it began with is kept, nor reported.
 */
final class SyncCache implements LocalCache {

    /** Runs a write unless the local data was wiped or moved since the synchronize began. */
    interface Guard {
        <T extends @Nullable Object> T unlessMoved(Supplier<T> write);
    }

    private final LocalCache cache;
    private final Guard guard;

    SyncCache(LocalCache cache, Guard guard) {
        this.cache = cache;
        this.guard = guard;
    }

    private void write(Runnable write) {
        guard.unlessMoved(() -> {
            write.run();
            return null;
        });
    }

    @Override
    public LocalDataset openDataset(DatasetKey key, Instant now) {
        return guard.unlessMoved(() -> cache.openDataset(key, now));
    }

    @Override
    public Optional<LocalDataset> dataset(DatasetKey key) {
        return cache.dataset(key);
    }

    @Override
    public List<LocalDataset> datasets(IdentityId identityId) {
        return cache.datasets(identityId);
    }

    @Override
    public Optional<LocalRecord> record(DatasetKey key, RecordKey recordKey) {
        return cache.record(key, recordKey);
    }

    @Override
    public List<LocalRecord> records(DatasetKey key) {
        return cache.records(key);
    }

    @Override
    public List<LocalRecord> modifiedRecords(DatasetKey key) {
        return cache.modifiedRecords(key);
    }

    @Override
    public void putValues(DatasetKey key, Map<RecordKey, @Nullable String> values, Instant now) {
        write(() -> cache.putValues(key, values, now));
    }

    @Override
    public void putRecords(DatasetKey key, List<LocalRecord> records) {
        write(() -> cache.putRecords(key, records));
    }

    @Override
    public List<RecordUpdate> update(DatasetKey key, List<RecordUpdate> updates) {
        return guard.unlessMoved(() -> cache.update(key, updates));
    }

    @Override
    public void setLastSyncCount(DatasetKey key, SyncCount count, CountSpace space) {
        write(() -> cache.setLastSyncCount(key, count, space));
    }

    @Override
    public void forgetCounts(DatasetKey key, CountSpace space, Set<RecordKey> onService) {
        write(() -> cache.forgetCounts(key, space, onService));
    }

    @Override
    public void markDeleted(DatasetKey key, Instant now) {
        write(() -> cache.markDeleted(key, now));
    }

    @Override
    public void remoteDeleted(DatasetKey key) {
        write(() -> cache.remoteDeleted(key));
    }

    @Override
    public void purge(DatasetKey key) {
        write(() -> cache.purge(key));
    }

    @Override
    public void updateMetadata(DatasetMetadata metadata) {
        write(() -> cache.updateMetadata(metadata));
    }

    @Override
    public void changeIdentity(IdentityId from, IdentityId to) {
        write(() -> cache.changeIdentity(from, to));
    }

    @Override
    public void wipe(IdentityId identityId) {
        write(() -> cache.wipe(identityId));
    }

    @Override
    public Optional<IdentityId> identity(IdentityPoolId pool) {
        return cache.identity(pool);
    }

    @Override
    public void rememberIdentity(IdentityPoolId pool, IdentityId identityId) {
        write(() -> cache.rememberIdentity(pool, identityId));
    }

    @Override
    public IdentityId rememberFirstIdentity(IdentityPoolId pool, IdentityId identityId) {
        return guard.unlessMoved(() -> cache.rememberFirstIdentity(pool, identityId));
    }

    /** The manager's cache is the manager's to close. */
    @Override
    public void close() {
    }
}
