package dev.syncshift.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;

/**
 * One identity's writes, on Cognito Sync (through the SDK, as an app still on Cognito would) or on AppSync (signed
 * GraphQL with the identity's own Cognito credentials, as a switched app would).
 */
public final class Device {

    private static final String RECORD = "key value syncCount deleted lastModifiedDate lastModifiedBy";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    private final Cutover cutover;
    private final String identityId;
    private final AwsSessionCredentials credentials;

    Device(Cutover cutover, String identityId, AwsSessionCredentials credentials) {
        this.cutover = cutover;
        this.identityId = identityId;
        this.credentials = credentials;
    }

    public String identityId() {
        return identityId;
    }

    AwsSessionCredentials credentials() {
        return credentials;
    }

    /** Writes {@code key} (removes it when {@code value} is null) in Cognito Sync, one push. */
    public void cognitoPut(String dataset, String key, @Nullable String value) {
        cognitoPush(identityId, dataset, Map.of(key, value == null ? "\u0000remove" : value));
    }

    /**
     * Writes {@code key} in Cognito Sync as the identity's own app on Cognito Sync does, signing with its Cognito
     * credentials, so that Cognito records the identity as the writer ({@link #cognitoPut} writes as the developer
     * account).
     */
    public void cognitoPutAsApp(String dataset, String key, String value) {
        try (CognitoSyncClient own = cutover.syncClient(credentials)) {
            push(own, identityId, dataset, Map.of(key, value));
        }
    }

    /** Writes several keys in Cognito Sync in one push (a value of {@code "\0remove"} removes). */
    public void cognitoPush(String identity, String dataset, Map<String, String> changes) {
        push(cutover.syncClient(), identity, dataset, changes);
    }

    private void push(CognitoSyncClient sync, String identity, String dataset, Map<String, String> changes) {
        ListRecordsResponse page = sync.listRecords(r -> r.identityPoolId(cutover.pool().value())
                .identityId(identity).datasetName(dataset));
        Map<String, Long> counts = new HashMap<>();
        page.records().forEach(record -> counts.put(record.key(), record.syncCount()));
        sync.updateRecords(r -> r.identityPoolId(cutover.pool().value()).identityId(identity).datasetName(dataset)
                .syncSessionToken(page.syncSessionToken()).recordPatches(changes.entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.cognitosync.model.RecordPatch.builder()
                                .op(e.getValue().equals("\u0000remove") ? Operation.REMOVE : Operation.REPLACE)
                                .key(e.getKey()).value(e.getValue().equals("\u0000remove") ? null : e.getValue())
                                .syncCount(counts.getOrDefault(e.getKey(), 0L)).build()).toList()));
    }

    /** Deletes a dataset in Cognito Sync. */
    public void cognitoDelete(String dataset) {
        cutover.syncClient().deleteDataset(r -> r.identityPoolId(cutover.pool().value()).identityId(identityId)
                .datasetName(dataset));
    }

    /** Cognito's records of a dataset by key, every page. */
    public Map<String, Record> cognitoRecords(String dataset) {
        Map<String, Record> records = new LinkedHashMap<>();
        String token = null;
        do {
            String next = token;
            ListRecordsResponse page = cutover.syncClient().listRecords(r -> r.identityPoolId(cutover.pool().value())
                    .identityId(identityId).datasetName(dataset).nextToken(next));
            page.records().forEach(record -> records.put(record.key(), record));
            token = page.nextToken();
        } while (token != null);
        return records;
    }

    /** Writes {@code key} on AppSync with the count the device last saw of it; returns the new dataset count. */
    public long appSyncPut(String dataset, String key, String value) {
        JsonNode held = appSyncRecords(dataset, 0).get(key);
        long count = held == null ? 0 : held.path("syncCount").asLong();
        JsonNode change = cutover.graphQl(this, "mutation($d: String!, $p: [RecordPatchInput!]!) { "
                + "updateRecords(datasetName: $d, patches: $p) { datasetSyncCount } }",
                Map.of("d", dataset, "p", List.of(Map.of("op", "replace", "key", key, "value", value,
                        "syncCount", count))));
        return change.path("updateRecords").path("datasetSyncCount").asLong();
    }

    /** Removes {@code key} on AppSync with the count the device last saw of it; returns the new dataset count. */
    public long appSyncRemove(String dataset, String key) {
        JsonNode held = appSyncRecords(dataset, 0).get(key);
        long count = held == null ? 0 : held.path("syncCount").asLong();
        JsonNode change = cutover.graphQl(this, "mutation($d: String!, $p: [RecordPatchInput!]!) { "
                + "updateRecords(datasetName: $d, patches: $p) { datasetSyncCount } }",
                Map.of("d", dataset, "p", List.of(Map.of("op", "remove", "key", key, "syncCount", count))));
        return change.path("updateRecords").path("datasetSyncCount").asLong();
    }

    /**
     * Sends Cognito's records of {@code dataset} (in count order) to AppSync as one part of this device's cutover
     * import from watermark 0, as the compat client builds it ({@code importDataset}); {@code last} false leaves the
     * import unfinished, as a device that stopped after that part does.
     */
    public void appSyncImportPart(String dataset, List<Record> records, long cognitoCount, boolean last) {
        appSyncImport(dataset, 0, records, cognitoCount, last);
    }

    /**
     * Sends Cognito's records of {@code dataset} changed after {@code sourceWatermark} (in count order) to AppSync as
     * one part of this device's cutover import from that watermark to {@code cognitoCount} ({@code importDataset}).
     */
    public void appSyncImport(String dataset, long sourceWatermark, List<Record> records, long cognitoCount,
            boolean last) {
        String modified = ISO.format(records.get(records.size() - 1).lastModifiedDate());
        Map<String, Object> input = new HashMap<>(Map.of("datasetName", dataset, "sourceWatermark", sourceWatermark,
                "datasetSyncCount", cognitoCount, "creationDate", modified, "lastModifiedDate", modified,
                "lastModifiedBy", records.get(0).lastModifiedBy(), "final", last));
        input.put("records", records.stream().map(r -> {
            Map<String, Object> record = new HashMap<>(Map.of("key", r.key(), "value", r.value(),
                    "syncCount", r.syncCount(), "lastModifiedDate", ISO.format(r.lastModifiedDate()),
                    "lastModifiedBy", r.lastModifiedBy()));
            record.put("deviceLastModifiedDate", r.deviceLastModifiedDate() == null ? null
                    : ISO.format(r.deviceLastModifiedDate()));
            return record;
        }).toList());
        cutover.graphQl(this, "mutation($i: ImportChangesInput!) { importDataset(input: $i) { datasetSyncCount } }",
                Map.of("i", input));
    }

    /** Deletes a dataset on AppSync. */
    public void appSyncDelete(String dataset) {
        cutover.graphQl(this, "mutation($d: String!) { deleteDataset(datasetName: $d) { datasetSyncCount } }",
                Map.of("d", dataset));
    }

    /** AppSync's datasets of the identity (listDatasets), name to sync count; a failed read fails the test. */
    public Map<String, Long> appSyncDatasets() {
        Map<String, Long> datasets = new LinkedHashMap<>();
        cutover.graphQl(this, "query { listDatasets { datasetName syncCount } }", Map.of()).path("listDatasets")
                .forEach(d -> datasets.put(d.path("datasetName").asText(), d.path("syncCount").asLong()));
        return datasets;
    }

    /** AppSync's records changed after {@code lastSyncCount}, by key, as this device pulls them. */
    public Map<String, JsonNode> appSyncRecords(String dataset, long lastSyncCount) {
        return page(dataset, lastSyncCount).records();
    }

    /** AppSync's answer to a pull from {@code lastSyncCount}. */
    public Page page(String dataset, long lastSyncCount) {
        JsonNode page = cutover.graphQl(this, "query($d: String!, $n: Int) { listRecords(datasetName: $d, "
                + "lastSyncCount: $n) { datasetSyncCount datasetExists datasetDeletedAfterRequestedSyncCount "
                + "records { " + RECORD + " } } }", Map.of("d", dataset, "n", lastSyncCount)).path("listRecords");
        Map<String, JsonNode> records = new LinkedHashMap<>();
        page.path("records").forEach(r -> records.put(r.path("key").asText(), r));
        return new Page(page.path("datasetSyncCount").asLong(), page.path("datasetExists").asBoolean(),
                page.path("datasetDeletedAfterRequestedSyncCount").asBoolean(), records);
    }

    /** One pull's answer. */
    public record Page(long datasetSyncCount, boolean exists, boolean deletedAfter, Map<String, JsonNode> records) {
    }
}
