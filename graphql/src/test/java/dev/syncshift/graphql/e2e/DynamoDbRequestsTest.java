package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Patch.put;
import static dev.syncshift.graphql.e2e.Patch.remove;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each field costs in DynamoDB requests (BENCHMARK.md, "DynamoDB calls per API operation"), counted on the
 * DynamoDB Local client the emulator's data sources use: a push to an existing dataset reads its metadata with the
 * patched heads in one TransactGetItems and never queries the identity partition; only a push that creates a
 * dataset (and listDatasets) reads all the identity's live datasets, from the sparse index that holds no deleted
 * one; pulls read the live part of the dataset's own name range, and a dataset that is not live by its key.
 */
class DynamoDbRequestsTest {

    private static final String GET_HEADS = "TransactGetItems";
    private static final String WRITE = "TransactWriteItems";
    private static final String LIVE_DATASETS = "Query liveDatasets";
    private static final String CHANGES = "Query bySyncCount";

    private static RecordingDynamoDb recording;
    private static OwnTableApi served;
    private static SyncOperations api;

    @BeforeAll
    static void start() {
        served = new OwnTableApi(client -> {
            recording = new RecordingDynamoDb(client);
            return recording.client();
        });
        api = served.api();
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void onlyAPushThatCreatesADatasetQueriesAllTheLiveDatasets() {
        Caller user = SyncshiftApi.freshUser();
        recording.take();

        requests(api.updateRecords(user, "ds", put("a", "1", 0)), GET_HEADS, LIVE_DATASETS, WRITE);
        requests(api.updateRecords(user, "ds", put("a", "2", 1)), GET_HEADS, WRITE);
        requests(api.updateRecords(user, "ds"), GET_HEADS);
        requests(api.syncDataset(user, "ds", 1, put("b", "1", 0)), GET_HEADS, LIVE_DATASETS, WRITE, CHANGES);
        requests(api.syncDataset(user, "ds", 3, put("b", "2", 3)), GET_HEADS, LIVE_DATASETS, WRITE);
        requests(api.syncDataset(user, "new", 0, put("b", "1", 0)), GET_HEADS, LIVE_DATASETS, WRITE);
    }

    @Test
    void aSyncFromACallerThatWasUpToDateReturnsThePageAPullReadsWithoutReadingIt() {
        Caller user = SyncshiftApi.freshUser();
        String big = "v".repeat(70_000);
        api.updateRecords(user, "ds", put("gone", "1", 0), put("\uFFFD", "1", 0));
        recording.take();

        Answer synced = api.syncDataset(user, "ds", 1, put("\uD83D\uDE00", "emoji", 0),
                put("k".repeat(1010), "long", 0), put("big", big, 0), remove("gone", 1), put("\uFFFD", "2", 1),
                put("a", "1", 0));

        assertThat(synced.ok()).isTrue();
        assertThat(recording.take()).doesNotContain(CHANGES);
        ObjectNode page = (ObjectNode) synced.data("syncDataset").path("changes").deepCopy();
        ObjectNode pulled = (ObjectNode) api.listRecords(user, "ds", 1).data("listRecords").deepCopy();
        assertThat(page.remove("records")).containsExactlyInAnyOrderElementsOf(pulled.remove("records"));
        assertThat(page).isEqualTo(pulled);
    }

    @Test
    void pullsReadTheDatasetsOwnMetadataAndListDatasetsTheLiveOnes() {
        Caller user = SyncshiftApi.freshUser();
        api.updateRecords(user, "ds", put("a", "1", 0));
        recording.take();

        requests(api.listRecords(user, "ds", 0), LIVE_DATASETS, CHANGES);
        requests(api.listRecords(user, "missing", 0), LIVE_DATASETS, "GetItem");
        requests(api.describeDataset(user, "ds"), "GetItem");
        requests(api.listDatasets(user), LIVE_DATASETS);
    }

    @Test
    void aDatasetReCreatedAfterADeletionHasItsHeadsReadInItsNewGeneration() {
        Caller user = SyncshiftApi.freshUser();
        api.updateRecords(user, "ds", put("a", "1", 0));
        recording.take();

        requests(api.deleteDataset(user, "ds"), "GetItem", "UpdateItem");
        requests(api.updateRecords(user, "ds", put("a", "new", 0)), GET_HEADS, LIVE_DATASETS, GET_HEADS, WRITE);
        requests(api.updateRecords(user, "ds", put("a", "newer", 3)), GET_HEADS, GET_HEADS, WRITE);
        Answer stale = api.updateRecords(user, "ds", put("a", "stale", 3));

        assertThat(stale.error().path("errorType").asText()).isEqualTo("ResourceConflictException");
        assertThat(stale.error().path("message").asText()).isEqualTo("Current SyncCount for: a is: 4 not: 3");
        assertThat(api.listRecords(user, "ds", 0).data("listRecords").at("/records/0/value").asText())
                .isEqualTo("newer");
    }

    private static void requests(Answer answer, String... expected) {
        assertThat(answer.ok()).as(answer.body().toString()).isTrue();
        assertThat(recording.take()).as(answer.body().toString()).containsExactly(expected);
    }
}
