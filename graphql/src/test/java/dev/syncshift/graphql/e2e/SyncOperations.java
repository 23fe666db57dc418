package dev.syncshift.graphql.e2e;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The API's fields as a client calls them, with full selection sets. */
final class SyncOperations {

    static final String RECORD =
            "{ key value syncCount deleted lastModifiedDate lastModifiedBy deviceLastModifiedDate }";
    static final String PAGE = "{ identityId datasetName records " + RECORD + " nextToken datasetSyncCount "
            + "datasetExists datasetDeletedAfterRequestedSyncCount mergedDatasetNames }";
    static final String CHANGE = "{ identityId datasetName datasetSyncCount deleted records " + RECORD + " }";
    static final String DATASET = "{ identityId datasetName creationDate lastModifiedDate lastModifiedBy dataStorage "
            + "numRecords syncCount sourceWatermark copiedUpTo firstCopyUpTo }";
    static final String LIST_DATASETS = "query { listDatasets " + DATASET + " }";
    static final String DESCRIBE_DATASET = "query($d: String!) { describeDataset(datasetName: $d) " + DATASET + " }";
    static final String LIST_RECORDS = "query($d: String!, $n: Int, $limit: Int, $next: String) { listRecords("
            + "datasetName: $d, lastSyncCount: $n, limit: $limit, nextToken: $next) " + PAGE + " }";
    static final String UPDATE_RECORDS = "mutation($d: String!, $p: [RecordPatchInput!]!, $device: String) { "
            + "updateRecords(datasetName: $d, patches: $p, deviceId: $device) " + CHANGE + " }";
    static final String SYNC_DATASET = "mutation($d: String!, $n: Int!, $p: [RecordPatchInput!]!) { syncDataset("
            + "datasetName: $d, lastSyncCount: $n, patches: $p) { identityId datasetName datasetSyncCount deleted "
            + "records " + RECORD + " changes " + PAGE + " } }";
    static final String DELETE_DATASET = "mutation($d: String!) { deleteDataset(datasetName: $d) " + CHANGE + " }";
    static final String ADMIN_LIST_DATASETS = "query($id: ID!) { adminListDatasets(identityId: $id) " + DATASET + " }";
    static final String ADMIN_LIST_RECORDS = "query($id: ID!, $d: String!, $n: Int) { adminListRecords("
            + "identityId: $id, datasetName: $d, lastSyncCount: $n) " + PAGE + " }";
    static final String ADMIN_IMPORT = "mutation($input: ImportDatasetInput!) { adminImportDataset(input: $input) "
            + CHANGE + " }";
    static final String IMPORT = "mutation($input: ImportChangesInput!) { importDataset(input: $input) " + CHANGE
            + " }";
    static final String ON_DATASET_CHANGED = "subscription($id: ID!, $d: String) { onDatasetChanged(identityId: $id, "
            + "datasetName: $d) " + CHANGE + " }";

    private final SignedGraphQlClient client;

    SyncOperations(SignedGraphQlClient client) {
        this.client = client;
    }

    SignedGraphQlClient client() {
        return client;
    }

    Answer listDatasets(Caller caller) {
        return client.post(caller.credentials(), LIST_DATASETS, Map.of());
    }

    Answer describeDataset(Caller caller, String dataset) {
        return client.post(caller.credentials(), DESCRIBE_DATASET, Map.of("d", dataset));
    }

    Answer listRecords(Caller caller, String dataset, long lastSyncCount) {
        return client.post(caller.credentials(), LIST_RECORDS, Map.of("d", dataset, "n", lastSyncCount));
    }

    Answer listRecords(Caller caller, String dataset, long lastSyncCount, int limit, @Nullable String next) {
        Map<String, Object> variables = new HashMap<>(Map.of("d", dataset, "n", lastSyncCount, "limit", limit));
        variables.put("next", next);
        return client.post(caller.credentials(), LIST_RECORDS, variables);
    }

    Answer updateRecords(Caller caller, String dataset, Patch... patches) {
        return updateRecords(caller, dataset, List.of(patches));
    }

    Answer updateRecords(Caller caller, String dataset, List<Patch> patches) {
        return client.post(caller.credentials(), UPDATE_RECORDS, Map.of("d", dataset, "p", inputs(patches)));
    }

    Answer syncDataset(Caller caller, String dataset, long lastSyncCount, Patch... patches) {
        return client.post(caller.credentials(), SYNC_DATASET, Map.of("d", dataset, "n", lastSyncCount,
                "p", inputs(List.of(patches))));
    }

    Answer deleteDataset(Caller caller, String dataset) {
        return client.post(caller.credentials(), DELETE_DATASET, Map.of("d", dataset));
    }

    Answer adminListDatasets(Caller caller, String identityId) {
        return client.post(caller.credentials(), ADMIN_LIST_DATASETS, Map.of("id", identityId));
    }

    Answer adminListRecords(Caller caller, String identityId, String dataset, long lastSyncCount) {
        return client.post(caller.credentials(), ADMIN_LIST_RECORDS, Map.of("id", identityId, "d", dataset, "n",
                lastSyncCount));
    }

    Answer adminImport(Caller caller, Map<String, Object> input) {
        return client.post(caller.credentials(), ADMIN_IMPORT, Map.of("input", input));
    }

    Answer importDataset(Caller caller, Map<String, Object> input) {
        return client.post(caller.credentials(), IMPORT, Map.of("input", input));
    }

    static List<Map<String, Object>> inputs(List<Patch> patches) {
        return patches.stream().map(Patch::toInput).toList();
    }
}
