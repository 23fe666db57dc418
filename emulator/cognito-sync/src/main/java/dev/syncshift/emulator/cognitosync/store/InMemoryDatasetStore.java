package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** {@link DatasetStore} in memory: one sorted map of datasets per identity, one lock per identity. */
public final class InMemoryDatasetStore implements DatasetStore {

    private final Map<IdentityId, ConcurrentSkipListMap<String, StoredDataset>> byIdentity = new ConcurrentHashMap<>();
    private final KeyedLocks<IdentityId> locks = new KeyedLocks<>();
    private final Map<IdentityPoolId, LongAdder> syncSessions = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredDataset> find(DatasetKey key) {
        var datasets = byIdentity.get(key.identityId());
        return datasets == null ? Optional.empty() : Optional.ofNullable(datasets.get(key.datasetName().value()));
    }

    @Override
    public List<StoredDataset> list(IdentityId identityId) {
        var datasets = byIdentity.get(identityId);
        return datasets == null ? List.of() : List.copyOf(datasets.values());
    }

    @Override
    public List<StoredDataset> listPool(IdentityPoolId poolId) {
        return byIdentity.values().stream()
                .flatMap(datasets -> datasets.values().stream())
                .filter(dataset -> dataset.poolId().equals(poolId))
                .sorted(Comparator.comparing((StoredDataset d) -> d.key().identityId().value())
                        .thenComparing(d -> d.key().datasetName().value()))
                .toList();
    }

    @Override
    public void put(StoredDataset dataset) {
        byIdentity.computeIfAbsent(dataset.key().identityId(), id -> new ConcurrentSkipListMap<>())
                .put(dataset.key().datasetName().value(), dataset);
    }

    @Override
    public void remove(DatasetKey key) {
        var datasets = byIdentity.get(key.identityId());
        if (datasets != null) {
            datasets.remove(key.datasetName().value());
        }
    }

    @Override
    public <T> T locked(IdentityId identityId, Supplier<T> action) {
        return locks.locked(identityId, action);
    }

    @Override
    public void countSyncSession(IdentityPoolId poolId) {
        syncSessions.computeIfAbsent(poolId, id -> new LongAdder()).increment();
    }

    @Override
    public long syncSessions(IdentityPoolId poolId) {
        LongAdder count = syncSessions.get(poolId);
        return count == null ? 0 : count.sum();
    }
}
