package dev.syncshift.client.remote.cognito;

import dev.syncshift.client.spi.CountSpace;
import dev.syncshift.client.spi.PushResult;
import dev.syncshift.client.spi.RemoteChanges;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Dataset;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.ListDatasetsResponse;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;

/**
 * The {@link RemoteStore} over Amazon Cognito Sync with the AWS SDK's {@code cognitosync} client: a pull is
 * ListRecords (every page), a push is UpdateRecords with the SyncSessionToken of this dataset's last ListRecords
 * (a sync with local changes is two round trips). Tokens stay inside this adapter. Thread-safe.
 */
public final class CognitoSyncRemoteStore implements RemoteStore {

    static final int RECORDS_PAGE = 1024;
    static final int DATASETS_PAGE = 64;

    private final CognitoSyncClient client;
    private final IdentityPoolId pool;
    private final Map<DatasetKey, String> sessionTokens = new ConcurrentHashMap<>();

    /** A remote for the identities of {@code pool}, calling through {@code client} (which holds the credentials). */
    public CognitoSyncRemoteStore(CognitoSyncClient client, IdentityPoolId pool) {
        this.client = client;
        this.pool = pool;
    }

    /**
     * {@inheritDoc} A count the service does not have ("No such SyncCount", a count from another backend after a
     * switch of the flag) pulls everything instead.
     */
    @Override
    public CountSpace countSpace() {
        return CountSpace.COGNITO_SYNC;
    }

    @Override
    public RemoteChanges listUpdates(DatasetKey key, SyncCount lastSyncCount) {
        return call("Failed to list records in dataset: " + key.datasetName(), () -> {
            try {
                return pull(key, lastSyncCount);
            } catch (InvalidParameterException e) {
                if (!String.valueOf(e.getMessage()).startsWith(SyncRules.NO_SUCH_SYNC_COUNT)) {
                    throw e;
                }
                return pull(key, SyncCount.ZERO);
            }
        });
    }

    private RemoteChanges pull(DatasetKey key, SyncCount lastSyncCount) {
        List<Record> records = new ArrayList<>();
        List<DatasetName> merged = new ArrayList<>();
        String next = null;
        ListRecordsResponse page;
        do {
            String token = next;
            page = client.listRecords(r -> r.identityPoolId(pool.value()).identityId(key.identityId().value())
                    .datasetName(key.datasetName().value()).lastSyncCount(lastSyncCount.value())
                    .maxResults(RECORDS_PAGE).nextToken(token));
            page.records().forEach(r -> records.add(toCore(r)));
            page.mergedDatasetNames().forEach(name -> merged.add(new DatasetName(name)));
            next = page.nextToken();
        } while (next != null);
        sessionTokens.put(key, page.syncSessionToken());
        return new RemoteChanges(records, new SyncCount(Objects.requireNonNullElse(page.datasetSyncCount(), 0L)),
                Boolean.TRUE.equals(page.datasetExists()),
                Boolean.TRUE.equals(page.datasetDeletedAfterRequestedSyncCount()), merged);
    }

    @Override
    public PushResult putRecords(DatasetKey key, List<RecordPatch> patches) {
        return call("Failed to update records in dataset: " + key.datasetName(), () -> {
            try {
                return push(key, patches, token(key));
            } catch (InvalidParameterException e) {
                if (!String.valueOf(e.getMessage()).contains("SyncSessionToken")) {
                    throw e;
                }
                sessionTokens.remove(key);
                return push(key, patches, token(key));
            }
        });
    }

    private String token(DatasetKey key) {
        String token = sessionTokens.get(key);
        if (token != null) {
            return token;
        }
        return client.listRecords(r -> r.identityPoolId(pool.value()).identityId(key.identityId().value())
                .datasetName(key.datasetName().value()).maxResults(1)).syncSessionToken();
    }

    private PushResult push(DatasetKey key, List<RecordPatch> patches, String token) {
        List<software.amazon.awssdk.services.cognitosync.model.RecordPatch> wire = patches.stream()
                .map(CognitoSyncRemoteStore::toWire).toList();
        List<Record> written = client.updateRecords(r -> r.identityPoolId(pool.value())
                        .identityId(key.identityId().value()).datasetName(key.datasetName().value())
                        .syncSessionToken(token).recordPatches(wire))
                .records().stream().map(CognitoSyncRemoteStore::toCore).toList();
        return new PushResult(written, 1);
    }

    @Override
    public void deleteDataset(DatasetKey key) {
        call("Failed to delete dataset: " + key.datasetName(), () -> client.deleteDataset(r -> r
                .identityPoolId(pool.value()).identityId(key.identityId().value())
                .datasetName(key.datasetName().value())));
        sessionTokens.remove(key);
    }

    /** DescribeDataset, with {@code count} as the metadata's count; empty when the dataset does not exist. */
    public Optional<DatasetMetadata> describeDataset(DatasetKey key, SyncCount count) {
        try {
            Dataset dataset = call("Failed to get metadata of dataset: " + key.datasetName(),
                    () -> client.describeDataset(r -> r.identityPoolId(pool.value())
                            .identityId(key.identityId().value()).datasetName(key.datasetName().value())).dataset());
            DatasetMetadata described = toCore(key.identityId(), dataset);
            return Optional.of(new DatasetMetadata(key, described.creationDate(), described.lastModifiedDate(),
                    described.lastModifiedBy(), described.dataStorage(), described.numRecords(), count));
        } catch (dev.syncshift.client.DatasetNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<DatasetMetadata> listDatasets(IdentityId identityId) {
        return call("Failed to list dataset metadata", () -> {
            List<DatasetMetadata> all = new ArrayList<>();
            String next = null;
            do {
                String token = next;
                ListDatasetsResponse page = client.listDatasets(r -> r.identityPoolId(pool.value())
                        .identityId(identityId.value()).maxResults(DATASETS_PAGE).nextToken(token));
                page.datasets().forEach(d -> all.add(toCore(identityId, d)));
                next = page.nextToken();
            } while (next != null);
            return all;
        });
    }

    @Override
    public void close() {
        client.close();
    }

    private static <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw CognitoSyncErrors.translate(what, e);
        }
    }

    static Record toCore(software.amazon.awssdk.services.cognitosync.model.Record r) {
        return new Record(new RecordKey(r.key()), r.value(),
                new SyncCount(Objects.requireNonNullElse(r.syncCount(), 0L)),
                Objects.requireNonNullElse(r.lastModifiedDate(), Instant.EPOCH),
                Objects.requireNonNullElse(r.lastModifiedBy(), ""), r.deviceLastModifiedDate());
    }

    private static DatasetMetadata toCore(IdentityId identityId, Dataset d) {
        return new DatasetMetadata(new DatasetKey(identityId, new DatasetName(d.datasetName())),
                Objects.requireNonNullElse(d.creationDate(), Instant.EPOCH),
                Objects.requireNonNullElse(d.lastModifiedDate(), Instant.EPOCH),
                Objects.requireNonNullElse(d.lastModifiedBy(), ""),
                Objects.requireNonNullElse(d.dataStorage(), 0L), Objects.requireNonNullElse(d.numRecords(), 0L),
                SyncCount.ZERO);
    }

    private static software.amazon.awssdk.services.cognitosync.model.RecordPatch toWire(RecordPatch patch) {
        return software.amazon.awssdk.services.cognitosync.model.RecordPatch.builder()
                .op(patch.op() == dev.syncshift.core.Operation.REMOVE ? Operation.REMOVE : Operation.REPLACE)
                .key(patch.key().value()).value(patch.value()).syncCount(patch.syncCount().value())
                .deviceLastModifiedDate(patch.deviceLastModifiedDate()).build();
    }
}
