package dev.syncshift.client;

import static dev.syncshift.client.Arguments.noNulls;
import static dev.syncshift.client.Arguments.notNull;

import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.client.sync.Records;
import dev.syncshift.core.Constraints;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncLimits;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** A {@link Dataset} handle: local reads and writes on the cache, synchronizes through the manager. */
final class DefaultDataset implements Dataset {

    private final CognitoSyncManager manager;
    private final LocalCache cache;
    private final DatasetName name;

    DefaultDataset(CognitoSyncManager manager, LocalCache cache, DatasetName name) {
        this.manager = manager;
        this.cache = cache;
        this.name = name;
    }

    @Override
    public String getDatasetName() {
        return name.value();
    }

    @Override
    public @Nullable DatasetMetadata getDatasetMetadata() {
        return manager.read(name, key -> cache.dataset(key).map(DefaultDataset::toApi).orElse(null));
    }

    static DatasetMetadata toApi(LocalDataset d) {
        return new DatasetMetadata(d.key().datasetName().value(), Date.from(d.creationDate()),
                Date.from(d.lastModifiedDate()), d.lastModifiedBy(), d.storageSizeBytes(), d.recordCount());
    }

    @Override
    public @Nullable String get(String key) {
        return find(key).map(LocalRecord::value).orElse(null);
    }

    @Override
    public @Nullable Record getRecord(String key) {
        return find(key).map(Records::toApi).orElse(null);
    }

    private Optional<LocalRecord> find(String key) {
        RecordKey recordKey = recordKey(key);
        return manager.read(name, dataset -> cache.record(dataset, recordKey));
    }

    @Override
    public void put(String key, @Nullable String value) {
        Map<RecordKey, @Nullable String> values = new LinkedHashMap<>();
        values.put(writableKey(key), checkValue(value));
        manager.write(name, dataset -> cache.putValues(dataset, values, manager.now()));
    }

    @Override
    public void remove(String key) {
        put(key, null);
    }

    @Override
    public void putAll(Map<String, ? extends @Nullable String> values) {
        Map<RecordKey, @Nullable String> checked = new LinkedHashMap<>();
        notNull("values", values).forEach((k, v) -> checked.put(writableKey(k), checkValue(v)));
        manager.write(name, dataset -> cache.putValues(dataset, checked, manager.now()));
    }

    @Override
    public Map<String, String> getAll() {
        Map<String, String> all = new LinkedHashMap<>();
        records().stream().filter(r -> !r.isDeleted()).forEach(r -> all.put(r.key().value(), r.value()));
        return all;
    }

    @Override
    public List<Record> getAllRecords() {
        return records().stream().map(Records::toApi).toList();
    }

    private List<LocalRecord> records() {
        return manager.read(name, cache::records);
    }

    @Override
    public long getSizeInBytes(String key) {
        return find(key).map(DefaultDataset::size).orElse(0L);
    }

    @Override
    public long getTotalSizeInBytes() {
        return records().stream().mapToLong(DefaultDataset::size).sum();
    }

    /**
     * {@code failure}, or, when it is a {@link NetworkException} and the live records are over the service's limits
     * (1,024, and 1 MB of their keys and values), the {@link DataLimitExceededException} a synchronize that reached
     * the service would end in, with {@code failure} as its cause: as the engine reports it.
     */
    DataStorageException unreachable(DataStorageException failure) {
        return Records.unreachable(records(), failure);
    }

    /**
     * {@code other}, or, when local changes hold text UTF-8 cannot carry, the report naming them with {@code other}
     * (why the rest did not go out either) as its cause: a synchronize reports them first, as the engine does.
     */
    DataStorageException changesNotCarried(DataStorageException other) {
        return Records.notCarried(manager.read(name, cache::modifiedRecords), other).orElse(other);
    }

    private static long size(LocalRecord record) {
        long value = record.value() == null ? 0 : record.value().getBytes(StandardCharsets.UTF_8).length;
        return record.key().utf8Bytes() + value;
    }

    @Override
    public boolean isChanged(String key) {
        return find(key).map(LocalRecord::modified).orElse(false);
    }

    @Override
    public void delete() {
        manager.write(name, key -> cache.markDeleted(key, manager.now()));
    }

    @Override
    public long getLastSyncCount() {
        return manager.read(name, key -> cache.dataset(key)
                .map(d -> d.deletedLocally() ? -1L : d.lastSyncCount().value()).orElse(0L));
    }

    @Override
    public void resolve(List<Record> records) {
        for (Record record : noNulls("records", records)) {
            if (record.isModified()) {
                // a value the app chose is written as by put; the others are the service's own
                writableKey(record.getKey());
                checkValue(record.getValue());
            }
        }
        List<LocalRecord> local = records.stream().map(Records::fromApi).toList();
        manager.write(name, key -> cache.putRecords(key, local));
    }

    @Override
    public void synchronize(dev.syncshift.client.SyncCallback callback) {
        manager.synchronize(this, notNull("callback", callback), false);
    }

    @Override
    public CompletableFuture<List<Record>> synchronizeAsync() {
        CompletableFuture<List<Record>> result = new CompletableFuture<>();
        manager.synchronize(this, new FutureSyncCallback(result), false);
        return result;
    }

    @Override
    public void synchronizeOnConnectivity(dev.syncshift.client.SyncCallback callback) {
        manager.synchronize(this, notNull("callback", callback), true);
    }

    @Override
    public void subscribe(dev.syncshift.client.SyncCallback callback) {
        manager.subscribe(this, notNull("callback", callback));
    }

    @Override
    public void unsubscribe() {
        manager.unsubscribe(this);
    }

    private static RecordKey recordKey(String key) {
        return new RecordKey(notNull("key", key));
    }

    /** A key that may be written: valid Unicode as well, so that AppSync can carry it. */
    private static RecordKey writableKey(String key) {
        return new RecordKey(Constraints.unicode("key", recordKey(key).value()));
    }

    private static @Nullable String checkValue(@Nullable String value) {
        return value == null ? null : Constraints.unicode("value",
                Constraints.length("value", value, 0, SyncLimits.MAX_VALUE_CHARACTERS));
    }

    @Override
    public String toString() {
        return "Dataset{" + name + "}";
    }
}
