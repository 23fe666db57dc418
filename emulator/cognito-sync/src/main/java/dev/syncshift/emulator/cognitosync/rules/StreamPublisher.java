package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Push;
import dev.syncshift.core.Record;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.PoolConfigurationStore;
import dev.syncshift.emulator.cognitosync.store.StoredCognitoStreams;
import dev.syncshift.emulator.cognitosync.store.StoredDataset;
import dev.syncshift.emulator.cognitosync.store.StoredPoolConfiguration;
import dev.syncshift.emulator.cognitosync.store.StoredStreamRecord;
import dev.syncshift.emulator.cognitosync.store.StreamStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Cognito Streams (docs/cognito-sync.md#usage-push-sync-and-streams): while a pool's streaming is ENABLED, each
 * UpdateRecords puts one record with the records it wrote on the pool's stream, and each DeleteDataset one
 * {@code remove} record with none; a bulk publish puts one record per existing dataset with its live records.
 */
public final class StreamPublisher implements DatasetChangeListener {

    private static final String REPLACE = "replace";
    private static final String REMOVE = "remove";

    private final PoolConfigurationStore configurations;
    private final DatasetStore datasets;
    private final StreamStore streams;

    /** Publishes to {@code streams} per the settings in {@code configurations}. */
    public StreamPublisher(PoolConfigurationStore configurations, DatasetStore datasets, StreamStore streams) {
        this.configurations = configurations;
        this.datasets = datasets;
        this.streams = streams;
    }

    @Override
    public void recordsUpdated(IdentityPoolId poolId, DatasetKey dataset, Push push, Caller caller,
            @Nullable String deviceId) {
        streamName(poolId).ifPresent(stream -> streams.append(new StoredStreamRecord(stream, poolId, dataset, REPLACE,
                push.changed(), push.changed().get(0).lastModifiedDate(), push.snapshot().syncCount().value())));
    }

    @Override
    public void datasetDeleted(IdentityPoolId poolId, DatasetKey dataset, Caller caller) {
        Optional<String> stream = streamName(poolId);
        Optional<StoredDataset> deleted = datasets.find(dataset);
        if (stream.isEmpty() || deleted.isEmpty()) {
            return;
        }
        streams.append(new StoredStreamRecord(stream.get(), poolId, dataset, REMOVE, List.of(),
                deleted.get().lastModifiedDate(), deleted.get().snapshot().syncCount().value()));
    }

    /** Puts every existing dataset of the pool on {@code stream}, one record each, with its live records. */
    void publishAll(IdentityPoolId poolId, String stream) {
        datasets.listPool(poolId).stream().filter(StoredDataset::exists).forEach(dataset -> {
            List<Record> live = dataset.snapshot().records().values().stream()
                    .filter(record -> !record.isTombstone())
                    .sorted(Comparator.comparing(record -> record.key().value()))
                    .toList();
            streams.append(new StoredStreamRecord(stream, poolId, dataset.key(), REPLACE, live,
                    dataset.lastModifiedDate(), dataset.snapshot().syncCount().value()));
        });
    }

    /** The stream the pool's updates go to, while streaming is enabled. */
    Optional<String> streamName(IdentityPoolId poolId) {
        return configurations.configuration(poolId)
                .filter(StoredPoolConfiguration::streaming)
                .map(StoredPoolConfiguration::cognitoStreams)
                .map(StoredCognitoStreams::streamName);
    }
}
