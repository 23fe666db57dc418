package dev.syncshift.client.remote.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.client.DataConflictException;
import dev.syncshift.client.DataLimitExceededException;
import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.DatasetNotFoundException;
import dev.syncshift.client.spi.CountSpace;
import dev.syncshift.client.spi.DatasetChangeListener;
import dev.syncshift.client.spi.PushResult;
import dev.syncshift.client.spi.RemoteChanges;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.client.spi.RemoteSync;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncRules;
import dev.syncshift.core.layout.SyncStoreLayout;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The {@link RemoteStore} over the syncshift AppSync API: signed POSTs to {@code /graphql}. A sync with local
 * changes is one {@code syncDataset} (push, then the changes since the device's count, its own included). A push
 * larger than one DynamoDB transaction allows is split into parts of at most {@value #MAX_ACTIONS} writes, each its
 * own revision and each a {@code syncDataset} carrying the count it follows (the device's, then the previous part's),
 * so no part re-creates a dataset deleted after it; a conflict in a later part leaves the earlier parts stored, and
 * the next pass finds them equal to the local values. Subscriptions use the real-time WebSocket, one connection per
 * identity however many subscriptions it carries ({@link RealtimeConnection}). Thread-safe.
 */
public final class AppSyncRemoteStore implements RemoteStore {

    /** Writes per push: DynamoDB's 100 actions less the metadata item and the dataset-creation lock. */
    static final int MAX_ACTIONS = 98;
    /** UTF-16 units per stored value piece (each piece is one write). */
    static final int PIECE_UNITS = 65_536;
    static final int PAGE = 1024;

    private final GraphQlCall call;
    private static final Pattern APPSYNC_HOST =
            Pattern.compile("[a-z0-9]+\\.appsync-api\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

    private final URI realtime;
    /** Each identity's real-time connection, while it carries a subscription; the lock for adding and removing. */
    private final Map<IdentityId, RealtimeConnection> connections = new HashMap<>();

    /**
     * A remote for the API at {@code graphql} (its real-time endpoint at {@code realtime}), signing with the device's
     * {@code credentials} in {@code region} at the time of the device's {@code clock}, corrected by the service's
     * time when they differ by minutes.
     */
    public AppSyncRemoteStore(URI graphql, URI realtime, String region, AwsCredentialsProvider credentials,
            Clock clock) {
        this.call = new GraphQlCall(graphql, region, credentials, clock);
        this.realtime = realtime;
    }

    /** The real-time URL AppSync gives an API: {@code appsync-realtime-api} host, or {@code <path>/realtime}. */
    public static URI realtimeEndpoint(URI graphql) {
        String scheme = "https".equals(graphql.getScheme()) ? "wss" : "ws";
        String host = graphql.getHost().replace("appsync-api", "appsync-realtime-api");
        String path = host.equals(graphql.getHost()) ? graphql.getPath() + "/realtime" : graphql.getPath();
        return URI.create(scheme + "://" + host + (graphql.getPort() < 0 ? "" : ":" + graphql.getPort()) + path);
    }

    /**
     * The region in the host name AppSync gives an API ({@code <id>.appsync-api.<region>.amazonaws.com}, and
     * {@code .com.cn} in China); empty for any other host (a custom domain, a local emulator).
     */
    public static Optional<String> regionOf(URI graphql) {
        Matcher matcher = APPSYNC_HOST.matcher(String.valueOf(graphql.getHost()).toLowerCase(Locale.ROOT));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * {@inheritDoc} A count the store does not have ("No such SyncCount", a count from another backend after a
     * switch of the flag) pulls everything instead.
     */
    @Override
    public CountSpace countSpace() {
        return CountSpace.APPSYNC;
    }

    @Override
    public RemoteChanges listUpdates(DatasetKey key, SyncCount lastSyncCount) {
        try {
            return pages(key, lastSyncCount, null, null);
        } catch (DataStorageException e) {
            if (!String.valueOf(e.getMessage()).contains(SyncRules.NO_SUCH_SYNC_COUNT)) {
                throw e;
            }
            return pages(key, SyncCount.ZERO, null, null);
        }
    }

    private RemoteChanges pages(DatasetKey key, SyncCount since, @Nullable JsonNode first,
            @Nullable List<Record> before) {
        JsonNode page = first;
        List<Record> records = before == null ? new ArrayList<>() : new ArrayList<>(before);
        String next = null;
        SyncCount count = null;
        do {
            if (page == null || next != null) {
                page = listRecords(key, since, next);
            }
            records.addAll(AppSyncRecords.records(page.path("records")));
            count = count == null ? new SyncCount(page.path("datasetSyncCount").asLong()) : count;
            next = page.path("nextToken").isTextual() ? page.path("nextToken").asText() : null;
        } while (next != null);
        List<DatasetName> merged = new ArrayList<>();
        page.path("mergedDatasetNames").forEach(name -> merged.add(new DatasetName(name.asText())));
        return new RemoteChanges(records, count, page.path("datasetExists").asBoolean(),
                page.path("datasetDeletedAfterRequestedSyncCount").asBoolean(), merged);
    }

    private JsonNode listRecords(DatasetKey key, SyncCount since, @Nullable String nextToken) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("datasetName", key.datasetName().value());
        variables.put("lastSyncCount", since.value());
        variables.put("limit", PAGE);
        variables.put("nextToken", nextToken);
        return data(key.identityId(), "Failed to list records in dataset: " + key.datasetName(),
                AppSyncOperations.LIST_RECORDS, variables, "listRecords");
    }

    @Override
    public PushResult putRecords(DatasetKey key, List<RecordPatch> patches) {
        List<Record> written = new ArrayList<>();
        int parts = 0;
        for (List<RecordPatch> part : PushParts.split(patches, RecordPatch::value, MAX_ACTIONS, PIECE_UNITS)) {
            PushResult stored = update(key, part);
            written.addAll(stored.records());
            parts += stored.parts();
        }
        return new PushResult(written, parts);
    }

    private PushResult update(DatasetKey key, List<RecordPatch> part) {
        return halving(SyncCount.ZERO, part, (since, half) -> {
            JsonNode change = data(key.identityId(), "Failed to update records in dataset: " + key.datasetName(),
                    AppSyncOperations.UPDATE_RECORDS, pushVariables(key, half), "updateRecords");
            return new PushResult(PushParts.filled(change.path("records"), half), 1);
        });
    }

    /**
     * One part of a push as a {@code syncDataset} from {@code since} (refused as stale when the dataset was deleted
     * after that count, so a part never re-creates it); the page it returns is not needed.
     */
    private PushResult syncPart(DatasetKey key, SyncCount since, List<RecordPatch> part) {
        return halving(since, part, (after, half) -> {
            Map<String, Object> variables = pushVariables(key, half);
            variables.put("lastSyncCount", after.value());
            return new PushResult(PushParts.filled(syncDataset(key, variables).path("records"), half), 1);
        });
    }

    /**
     * Sends {@code part} (after count {@code since}), and again in halves, each after the count the previous one
     * wrote, while the store refuses it as too many writes.
     */
    private static PushResult halving(SyncCount since, List<RecordPatch> part,
            BiFunction<SyncCount, List<RecordPatch>, PushResult> send) {
        try {
            return send.apply(since, part);
        } catch (DataLimitExceededException e) {
            if (part.size() < 2 || !PushParts.tooManyWrites(e)) {
                throw e;
            }
            PushResult first = halving(since, part.subList(0, part.size() / 2), send);
            PushResult second = halving(first.syncCount(), part.subList(part.size() / 2, part.size()), send);
            List<Record> both = new ArrayList<>(first.records());
            both.addAll(second.records());
            return new PushResult(both, first.parts() + second.parts());
        }
    }

    @Override
    public boolean pushesAndPullsInOneCall() {
        return true;
    }

    @Override
    public RemoteSync pushAndPull(DatasetKey key, SyncCount lastSyncCount, List<RecordPatch> patches) {
        List<List<RecordPatch>> parts = PushParts.split(patches, RecordPatch::value, MAX_ACTIONS, PIECE_UNITS);
        List<Record> written = new ArrayList<>();
        int count = 0;
        SyncCount since = lastSyncCount;
        for (List<RecordPatch> part : parts.subList(0, parts.size() - 1)) {
            PushResult stored = syncPart(key, since, part);
            written.addAll(stored.records());
            count += stored.parts();
            since = stored.syncCount();
        }
        List<RecordPatch> last = parts.get(parts.size() - 1);
        Map<String, Object> variables = pushVariables(key, last);
        variables.put("lastSyncCount", lastSyncCount.value());
        JsonNode change;
        try {
            change = syncDataset(key, variables);
        } catch (DataConflictException e) {
            throw e;
        } catch (DataLimitExceededException e) {
            if (!PushParts.tooManyWrites(e)) {
                throw e;
            }
            PushResult rest = syncPart(key, since, last);
            written.addAll(rest.records());
            return new RemoteSync(new PushResult(written, count + rest.parts()), listUpdates(key, lastSyncCount));
        }
        written.addAll(PushParts.filled(change.path("records"), last));
        // No page (a value in pieces another device replaced after this push was stored): the changes are listed.
        JsonNode page = change.path("changes");
        RemoteChanges changes = page.isObject() ? pages(key, lastSyncCount, page, null)
                : listUpdates(key, lastSyncCount);
        return new RemoteSync(new PushResult(written, count + 1), changes);
    }

    /** syncDataset; a count the store does not have is reported as a conflict, so that the engine pulls first. */
    private JsonNode syncDataset(DatasetKey key, Map<String, Object> variables) {
        try {
            return data(key.identityId(), "Failed to synchronize dataset: " + key.datasetName(),
                    AppSyncOperations.SYNC_DATASET, variables, "syncDataset");
        } catch (DataLimitExceededException | DataConflictException e) {
            throw e;
        } catch (DataStorageException e) {
            if (String.valueOf(e.getMessage()).contains(SyncRules.NO_SUCH_SYNC_COUNT)) {
                throw new DataConflictException(String.valueOf(e.getMessage()), e);
            }
            throw e;
        }
    }

    private static Map<String, Object> pushVariables(DatasetKey key, List<RecordPatch> patches) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("datasetName", key.datasetName().value());
        variables.put("patches", patches.stream().map(AppSyncRecords::input).toList());
        return variables;
    }

    /**
     * The store's count, source watermark (0 when never imported), unfinished copy of the dataset and what an import
     * weighs a record against, or empty when it does not exist (never written, or deleted).
     */
    public Optional<ImportState> importState(DatasetKey key) {
        try {
            JsonNode dataset = data(key.identityId(), "Failed to describe dataset: " + key.datasetName(),
                    AppSyncOperations.DESCRIBE_DATASET, Map.of("datasetName", key.datasetName().value()),
                    "describeDataset");
            return Optional.of(AppSyncRecords.importState(dataset));
        } catch (DatasetNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code importDataset}: the Cognito changes (W, C'] of the caller's dataset, under the source watermark
     * condition; {@link dev.syncshift.client.DataConflictException} when the store is not at W. Changes larger than
     * one transaction go in parts of at most {@value #MAX_ACTIONS} writes (a value stored in pieces takes one per
     * piece), each under the same condition, the last one moving the watermark to C'. A part the store still finds
     * too large (a stored value's surplus pieces are deleted in the same transaction, and only the store knows them)
     * is halved, as pushes are. Removals go first. Each earlier part carries what the parts after it change in the
     * dataset's totals, each record weighed as the store applies it against the store's dataset and records read once
     * ({@link ImportEffect}): the store holds it to the import's end state, so an import that would leave the dataset
     * over 1,024 records or 1 MB is refused at its first part and writes nothing; the last part is held to the limits
     * on its own.
     *
     * @param source the Cognito dataset's metadata (dates, writer) and count C'
     * @param sourceWatermark W
     * @param records the changed records, in the order they are to be written (by count; removals are moved first)
     * @throws DataLimitExceededException before any part is sent, when C' or a record's count is above
     *     {@link SyncStoreLayout#MAX_SYNC_COUNT}: Cognito Sync's counts are 64-bit, the API's are GraphQL Ints, and the
     *     API refuses such an import as it refuses a push past it (GraphQL itself would refuse a count past the Int)
     */
    public void importChanges(DatasetMetadata source, long sourceWatermark, List<Record> records) {
        checkCounts(source, records);
        List<Record> removalsFirst = new ArrayList<>(records);
        removalsFirst.sort(Comparator.comparing(record -> !record.isTombstone()));
        List<List<Record>> parts = PushParts.split(removalsFirst, Record::value, MAX_ACTIONS, PIECE_UNITS);
        DatasetKey key = source.key();
        ImportEffect effect = new ImportEffect(() -> ImportEffect.Stored.of(importState(key).orElse(ImportState.ABSENT),
                storedRecords(key)), sourceWatermark, key.identityId().value());
        for (int i = 0; i < parts.size(); i++) {
            List<Record> rest = parts.subList(i + 1, parts.size()).stream().flatMap(List::stream).toList();
            importPart(source, sourceWatermark, parts.get(i), rest.isEmpty() ? null : effect.of(rest), effect);
        }
    }

    /** The store's records of the dataset, removals included; none when it does not exist there. */
    private List<Record> storedRecords(DatasetKey key) {
        try {
            return listUpdates(key, SyncCount.ZERO).records();
        } catch (DatasetNotFoundException e) {
            return List.of();
        }
    }

    private static void checkCounts(DatasetMetadata source, List<Record> records) {
        long highest = records.stream().mapToLong(record -> record.syncCount().value())
                .reduce(source.syncCount().value(), Math::max);
        if (highest > SyncStoreLayout.MAX_SYNC_COUNT) {
            DatasetName name = source.key().datasetName();
            throw new DataLimitExceededException("Failed to import dataset: " + name + ": SyncCount " + highest
                    + " of dataset " + name + " exceeds the limit of " + SyncStoreLayout.MAX_SYNC_COUNT
                    + ", the largest this API's 32-bit counts leave a dataset before its deletion; it stays on "
                    + "Cognito Sync as it is, and nothing was written to AppSync");
        }
    }

    /** @param later what the parts after this one change at most in the totals; null for the last part */
    private void importPart(DatasetMetadata source, long sourceWatermark, List<Record> part,
            ImportEffect.@Nullable Effect later, ImportEffect effect) {
        try {
            importCall(source, sourceWatermark, part, later);
        } catch (DataLimitExceededException e) {
            if (part.size() < 2 || !PushParts.tooManyWrites(e)) {
                throw e;
            }
            List<Record> second = part.subList(part.size() / 2, part.size());
            ImportEffect.Effect afterFirst = effect.of(second).plus(later == null ? ImportEffect.Effect.NONE : later);
            importPart(source, sourceWatermark, part.subList(0, part.size() / 2), afterFirst, effect);
            importPart(source, sourceWatermark, second, later, effect);
        }
    }

    private void importCall(DatasetMetadata source, long sourceWatermark, List<Record> records,
            ImportEffect.@Nullable Effect later) {
        Map<String, Object> input = new HashMap<>();
        input.put("datasetName", source.key().datasetName().value());
        input.put("sourceWatermark", sourceWatermark);
        input.put("datasetSyncCount", source.syncCount().value());
        input.put("creationDate", AppSyncRecords.format(source.creationDate()));
        input.put("lastModifiedDate", AppSyncRecords.format(source.lastModifiedDate()));
        input.put("lastModifiedBy", source.lastModifiedBy());
        input.put("records", records.stream().map(AppSyncRecords::importInput).toList());
        input.put("final", later == null);
        if (later != null) {
            input.put("later", later.input());
        }
        data(source.key().identityId(), "Failed to import dataset: " + source.key().datasetName(),
                AppSyncOperations.IMPORT_DATASET, Map.of("input", input), "importDataset");
    }

    @Override
    public void deleteDataset(DatasetKey key) {
        data(key.identityId(), "Failed to delete dataset: " + key.datasetName(), AppSyncOperations.DELETE_DATASET,
                Map.of("datasetName", key.datasetName().value()), "deleteDataset");
    }

    @Override
    public List<DatasetMetadata> listDatasets(IdentityId identityId) {
        JsonNode datasets = data(identityId, "Failed to list dataset metadata", AppSyncOperations.LIST_DATASETS,
                Map.of(), "listDatasets");
        List<DatasetMetadata> all = new ArrayList<>();
        datasets.forEach(node -> all.add(AppSyncRecords.dataset(identityId, node)));
        return all;
    }

    @Override
    public AutoCloseable subscribe(DatasetKey key, DatasetChangeListener listener) {
        return listen(key.identityId(), key.datasetName(), listener);
    }

    @Override
    public AutoCloseable subscribeAll(IdentityId identity, DatasetChangeListener listener) {
        return listen(identity, null, listener);
    }

    /** Adds a subscription to the identity's connection, made for the first; the last one's close closes it. */
    private AutoCloseable listen(IdentityId identity, @Nullable DatasetName dataset, DatasetChangeListener listener) {
        RealtimeConnection connection;
        RealtimeSubscription subscription;
        synchronized (connections) {
            connection = connections.computeIfAbsent(identity, id -> new RealtimeConnection(call, realtime, id));
            try {
                subscription = connection.add(dataset, listener);
            } catch (RuntimeException e) {
                if (connection.idle()) {
                    connections.remove(identity); // its first subscription could not connect: nothing to keep
                }
                throw e;
            }
        }
        RealtimeConnection.await(subscription);
        return () -> {
            synchronized (connections) {
                if (connection.remove(subscription)) {
                    connections.remove(identity, connection);
                }
            }
        };
    }

    /** The field's data, or the translated error, of a call made for {@code identity}. */
    JsonNode data(IdentityId identity, String what, String query, Map<String, ?> variables, String field) {
        GraphQlCall.Answer answer = call.post(query, variables, identity);
        if (answer.failed()) {
            throw AppSyncErrors.translate(what, answer);
        }
        return answer.data(field);
    }
}
