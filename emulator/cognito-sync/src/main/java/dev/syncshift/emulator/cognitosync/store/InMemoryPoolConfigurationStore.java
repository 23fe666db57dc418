package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityPoolId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** {@link PoolConfigurationStore} in memory, one lock per pool. */
public final class InMemoryPoolConfigurationStore implements PoolConfigurationStore {

    private final Map<IdentityPoolId, StoredPoolConfiguration> configurations = new ConcurrentHashMap<>();
    private final Map<IdentityPoolId, StoredBulkPublish> bulkPublishes = new ConcurrentHashMap<>();
    private final KeyedLocks<IdentityPoolId> locks = new KeyedLocks<>();

    @Override
    public Optional<StoredPoolConfiguration> configuration(IdentityPoolId poolId) {
        return Optional.ofNullable(configurations.get(poolId));
    }

    @Override
    public void putConfiguration(StoredPoolConfiguration configuration) {
        configurations.put(configuration.poolId(), configuration);
    }

    @Override
    public Optional<StoredBulkPublish> bulkPublish(IdentityPoolId poolId) {
        return Optional.ofNullable(bulkPublishes.get(poolId));
    }

    @Override
    public void putBulkPublish(StoredBulkPublish bulkPublish) {
        bulkPublishes.put(bulkPublish.poolId(), bulkPublish);
    }

    @Override
    public <T> T locked(IdentityPoolId poolId, Supplier<T> action) {
        return locks.locked(poolId, action);
    }
}
