package dev.syncshift.client.remote.appsync;

/** The GraphQL operations the client sends (the shapes of {@code graphql/operations.graphql}). */
final class AppSyncOperations {

    static final String RECORD =
            "{ key value syncCount deleted lastModifiedDate lastModifiedBy deviceLastModifiedDate }";
    static final String PAGE = "{ records " + RECORD + " nextToken datasetSyncCount datasetExists "
            + "datasetDeletedAfterRequestedSyncCount mergedDatasetNames }";
    static final String CHANGE = "identityId datasetName datasetSyncCount deleted";
    static final String LIST_DATASETS = "query ListDatasets { listDatasets { identityId datasetName creationDate "
            + "lastModifiedDate lastModifiedBy dataStorage numRecords syncCount sourceWatermark } }";
    static final String LIST_RECORDS = "query ListRecords($datasetName: String!, $lastSyncCount: Int, $limit: Int, "
            + "$nextToken: String) { listRecords(datasetName: $datasetName, lastSyncCount: $lastSyncCount, "
            + "limit: $limit, nextToken: $nextToken) " + PAGE + " }";
    static final String UPDATE_RECORDS = "mutation UpdateRecords($datasetName: String!, $patches: "
            + "[RecordPatchInput!]!) { updateRecords(datasetName: $datasetName, patches: $patches) { " + CHANGE
            + " records " + RECORD + " } }";
    static final String SYNC_DATASET = "mutation SyncDataset($datasetName: String!, $lastSyncCount: Int!, "
            + "$patches: [RecordPatchInput!]!) { syncDataset(datasetName: $datasetName, lastSyncCount: "
            + "$lastSyncCount, patches: $patches) { " + CHANGE + " records " + RECORD + " changes " + PAGE + " } }";
    static final String DESCRIBE_DATASET = "query DescribeDataset($datasetName: String!) { "
            + "describeDataset(datasetName: $datasetName) { datasetName syncCount sourceWatermark copiedUpTo "
            + "firstCopyUpTo importedAt renumbered generation writeBackFrom writeBackOver } }";
    static final String IMPORT_DATASET = "mutation ImportDataset($input: ImportChangesInput!) { "
            + "importDataset(input: $input) { " + CHANGE + " records " + RECORD + " } }";
    static final String DELETE_DATASET = "mutation DeleteDataset($datasetName: String!) { "
            + "deleteDataset(datasetName: $datasetName) { " + CHANGE + " } }";
    static final String ON_DATASET_CHANGED = "subscription OnDatasetChanged($identityId: ID!, $datasetName: String) "
            + "{ onDatasetChanged(identityId: $identityId, datasetName: $datasetName) { " + CHANGE + " } }";

    private AppSyncOperations() {
    }
}
