package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** {@link IdentityStore} in memory: identities indexed by id and, per pool, in id order for paging. */
public final class InMemoryIdentityStore implements IdentityStore {

    private final Map<String, StoredIdentityPool> pools = new ConcurrentSkipListMap<>();
    private final Map<IdentityId, StoredIdentity> identities = new ConcurrentHashMap<>();
    private final Map<IdentityPoolId, ConcurrentSkipListMap<String, StoredIdentity>> byPool =
            new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public void putPool(StoredIdentityPool pool) {
        pools.put(pool.id().value(), pool);
    }

    @Override
    public void removePool(IdentityPoolId id) {
        pools.remove(id.value());
    }

    @Override
    public Optional<StoredIdentityPool> pool(IdentityPoolId id) {
        return Optional.ofNullable(pools.get(id.value()));
    }

    @Override
    public List<StoredIdentityPool> pools() {
        return List.copyOf(pools.values());
    }

    @Override
    public void putIdentity(StoredIdentity identity) {
        StoredIdentity previous = identities.put(identity.id(), identity);
        if (previous != null && !previous.poolId().equals(identity.poolId())) {
            poolIndex(previous.poolId()).remove(previous.id().value());
        }
        poolIndex(identity.poolId()).put(identity.id().value(), identity);
    }

    @Override
    public void removeIdentity(IdentityId id) {
        StoredIdentity removed = identities.remove(id);
        if (removed != null) {
            poolIndex(removed.poolId()).remove(id.value());
        }
    }

    @Override
    public Optional<StoredIdentity> identity(IdentityId id) {
        return Optional.ofNullable(identities.get(id));
    }

    @Override
    public List<StoredIdentity> identities(IdentityPoolId poolId, @Nullable IdentityId afterId, int limit) {
        NavigableMap<String, StoredIdentity> index = poolIndex(poolId);
        NavigableMap<String, StoredIdentity> page = afterId == null ? index : index.tailMap(afterId.value(), false);
        return page.values().stream().limit(limit).toList();
    }

    @Override
    public int identityCount(IdentityPoolId poolId) {
        return poolIndex(poolId).size();
    }

    @Override
    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private ConcurrentSkipListMap<String, StoredIdentity> poolIndex(IdentityPoolId poolId) {
        return byPool.computeIfAbsent(poolId, id -> new ConcurrentSkipListMap<>());
    }
}
