package dev.syncshift.client.cache.memory;

import dev.syncshift.client.spi.CountSpace;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.client.spi.RecordUpdate;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A {@link LocalCache} in memory, for tests and short-lived apps: nothing survives the JVM. Thread-safe. */
public final class InMemoryLocalCache implements LocalCache {

    private final Map<DatasetKey, LocalDataset> datasets = new HashMap<>();
    private final Map<DatasetKey, TreeMap<String, LocalRecord>> records = new HashMap<>();
    private final Map<IdentityPoolId, IdentityId> identities = new HashMap<>();
    private boolean closed;

    @Override
    public synchronized LocalDataset openDataset(DatasetKey key, Instant now) {
        open();
        return datasets.computeIfAbsent(key, k -> new LocalDataset(k, SyncCount.ZERO, false, now, now, null, 0, 0,
                CountSpace.COGNITO_SYNC));
    }

    @Override
    public synchronized Optional<LocalDataset> dataset(DatasetKey key) {
        open();
        return Optional.ofNullable(datasets.get(key));
    }

    @Override
    public synchronized List<LocalDataset> datasets(IdentityId identityId) {
        open();
        return datasets.values().stream().filter(d -> d.key().identityId().equals(identityId))
                .sorted((a, b) -> a.key().datasetName().value().compareTo(b.key().datasetName().value())).toList();
    }

    @Override
    public synchronized Optional<LocalRecord> record(DatasetKey key, RecordKey recordKey) {
        open();
        return Optional.ofNullable(recordsOf(key).get(recordKey.value()));
    }

    @Override
    public synchronized List<LocalRecord> records(DatasetKey key) {
        open();
        return List.copyOf(recordsOf(key).values());
    }

    @Override
    public synchronized List<LocalRecord> modifiedRecords(DatasetKey key) {
        return records(key).stream().filter(LocalRecord::modified).toList();
    }

    @Override
    public synchronized void putValues(DatasetKey key, Map<RecordKey, @Nullable String> values, Instant now) {
        LocalDataset dataset = openDataset(key, now);
        TreeMap<String, LocalRecord> stored = recordsOf(key);
        boolean changed = false;
        for (Map.Entry<RecordKey, @Nullable String> entry : values.entrySet()) {
            LocalRecord old = stored.get(entry.getKey().value());
            if (old != null && Objects.equals(old.value(), entry.getValue())) {
                continue;
            }
            stored.put(entry.getKey().value(), old == null
                    ? new LocalRecord(entry.getKey(), entry.getValue(), SyncCount.ZERO, Instant.EPOCH, null, now, true)
                    : new LocalRecord(old.key(), entry.getValue(), old.syncCount(), old.lastModifiedDate(),
                            old.lastModifiedBy(), now, true));
            changed = true;
        }
        if (changed) {
            datasets.put(key, new LocalDataset(key, dataset.lastSyncCount(), dataset.deletedLocally(),
                    dataset.creationDate(), now, dataset.lastModifiedBy(), dataset.storageSizeBytes(),
                    dataset.recordCount(), dataset.countSpace()));
        }
    }

    @Override
    public synchronized void putRecords(DatasetKey key, List<LocalRecord> given) {
        open();
        TreeMap<String, LocalRecord> stored = recordsOf(key);
        given.forEach(r -> stored.put(r.key().value(), r));
    }

    @Override
    public synchronized List<RecordUpdate> update(DatasetKey key, List<RecordUpdate> updates) {
        open();
        TreeMap<String, LocalRecord> stored = recordsOf(key);
        List<RecordUpdate> applied = new ArrayList<>();
        boolean deleted = dataset(key).map(LocalDataset::deletedLocally).orElse(false);
        for (RecordUpdate update : updates) {
            String name = update.replacement().key().value();
            LocalRecord current = stored.get(name);
            if (deleted && update.expected() == null) {
                continue; // a record pulled into a dataset the app deleted meanwhile: not brought back
            }
            if (Objects.equals(current, update.expected())) {
                stored.put(name, update.replacement());
                applied.add(update);
            } else if (update.rebaseIfChanged() && current != null && current.modified()) {
                stored.put(name, current.rebasedOn(update.replacement()));
            }
        }
        return applied;
    }

    @Override
    public synchronized void setLastSyncCount(DatasetKey key, SyncCount count, CountSpace space) {
        dataset(key).ifPresent(d -> datasets.put(key, new LocalDataset(key, count, d.deletedLocally(),
                d.creationDate(), d.lastModifiedDate(), d.lastModifiedBy(), d.storageSizeBytes(), d.recordCount(),
                space)));
    }

    @Override
    public synchronized void forgetCounts(DatasetKey key, CountSpace space, Set<RecordKey> onService) {
        TreeMap<String, LocalRecord> stored = recordsOf(key);
        stored.values().removeIf(r -> !r.modified() && !onService.contains(r.key()));
        stored.replaceAll((name, r) -> new LocalRecord(r.key(), r.value(), SyncCount.ZERO, r.lastModifiedDate(),
                r.lastModifiedBy(), r.deviceLastModifiedDate(), r.modified()));
        setLastSyncCount(key, SyncCount.ZERO, space);
    }

    @Override
    public synchronized void markDeleted(DatasetKey key, Instant now) {
        LocalDataset d = openDataset(key, now);
        records.remove(key);
        datasets.put(key, new LocalDataset(key, d.lastSyncCount(), true, d.creationDate(), now, d.lastModifiedBy(),
                d.storageSizeBytes(), d.recordCount(), d.countSpace()));
    }

    @Override
    public synchronized void remoteDeleted(DatasetKey key) {
        if (recordsOf(key).isEmpty()) {
            purge(key);
            return;
        }
        dataset(key).ifPresent(d -> datasets.put(key, new LocalDataset(key, SyncCount.ZERO, false,
                d.creationDate(), d.lastModifiedDate(), null, 0, 0, d.countSpace())));
    }

    @Override
    public synchronized void purge(DatasetKey key) {
        open();
        datasets.remove(key);
        records.remove(key);
    }

    @Override
    public synchronized void updateMetadata(DatasetMetadata metadata) {
        LocalDataset d = openDataset(metadata.key(), metadata.creationDate());
        datasets.put(metadata.key(), new LocalDataset(metadata.key(), d.lastSyncCount(), d.deletedLocally(),
                metadata.creationDate(), metadata.lastModifiedDate(), metadata.lastModifiedBy(),
                metadata.dataStorage(), metadata.numRecords(), d.countSpace()));
    }

    @Override
    public synchronized void changeIdentity(IdentityId from, IdentityId to) {
        for (LocalDataset d : datasets(from)) {
            DatasetKey target = new DatasetKey(to, renamed(from, to, d.key().datasetName()));
            datasets.remove(d.key());
            TreeMap<String, LocalRecord> moved = records.remove(d.key());
            LocalDataset there = datasets.get(target);
            LocalDataset kept = there != null ? there : d;
            Instant modified = there != null && there.lastModifiedDate().isAfter(d.lastModifiedDate())
                    ? there.lastModifiedDate() : d.lastModifiedDate();
            datasets.put(target, new LocalDataset(target, kept.lastSyncCount(), kept.deletedLocally(),
                    kept.creationDate(), modified, kept.lastModifiedBy(), kept.storageSizeBytes(), kept.recordCount(),
                    kept.countSpace()));
            if (moved != null) {
                TreeMap<String, LocalRecord> into = recordsOf(target);
                moved.forEach((name, record) -> into.merge(name, record, (old, in) -> in.keptOnMove(old)));
            }
        }
    }

    private DatasetName renamed(IdentityId from, IdentityId to, DatasetName name) {
        if (!from.equals(UNKNOWN_IDENTITY)) {
            return name.mergedFrom(from);
        }
        return datasets.containsKey(new DatasetKey(to, name)) ? new DatasetName(name.value() + ".unknown") : name;
    }

    @Override
    public synchronized void wipe(IdentityId identityId) {
        datasets(identityId).forEach(d -> purge(d.key()));
        identities.values().removeIf(identityId::equals);
    }

    @Override
    public synchronized Optional<IdentityId> identity(IdentityPoolId pool) {
        open();
        return Optional.ofNullable(identities.get(pool));
    }

    @Override
    public synchronized void rememberIdentity(IdentityPoolId pool, IdentityId identityId) {
        open();
        identities.put(pool, identityId);
    }

    @Override
    public synchronized IdentityId rememberFirstIdentity(IdentityPoolId pool, IdentityId identityId) {
        open();
        return identities.computeIfAbsent(pool, p -> identityId);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("The cache is closed");
        }
    }

    private TreeMap<String, LocalRecord> recordsOf(DatasetKey key) {
        return records.computeIfAbsent(key, k -> new TreeMap<>());
    }
}
