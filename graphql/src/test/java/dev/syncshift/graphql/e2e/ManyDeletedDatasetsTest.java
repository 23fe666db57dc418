package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Patch.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An identity whose partition holds more metadata than one DynamoDB page (1 MB): thousands of datasets it created and
 * deleted over the years, as the migrator imports them from Cognito Sync (written here through the core layout, as
 * the migrator writes them). Every read of its datasets is of the live ones (a deleted one is read by its key), so
 * every field still works and the 20-datasets limit still holds; before the sparse index listDatasets, creating a
 * dataset and listing the records of "gone" (whose name range holds the deleted "gone-…" ones) were refused.
 */
class ManyDeletedDatasetsTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    /** Names of 120 characters make about 2,000 metadata items fill a page; 2,500 overflow it. */
    static final int DELETED = 2_500;
    static final Instant LONG_AGO = Instant.parse("2018-05-01T12:00:00Z");
    /** The deleted dataset that a push creates again. */
    static final int RECREATED = 7;

    static Caller user;
    static SyncOperations api;

    @BeforeAll
    static void anIdentityWithThousandsOfDeletedDatasets(AppSyncEmulator emulator) {
        api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        user = SyncshiftApi.freshUser();
        ok(api.updateRecords(user, "kept", put("k", "v", 0)));
        ok(api.updateRecords(user, "gone", put("k", "here", 0)));
        IdentityId identity = new IdentityId(user.identityId());
        List<WriteRequest> writes = IntStream.range(0, DELETED)
                .mapToObj(i -> WriteRequest.builder().putRequest(p -> p.item(LayoutTable.toSdk(
                        DatasetItems.toItem(deleted(identity, i))))).build())
                .toList();
        DynamoDbClient dynamoDb = emulator.dynamoDb();
        String table = new LayoutTable(dynamoDb).name();
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(from + 25, writes.size()));
            assertThat(dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, batch))).unprocessedItems())
                    .isEmpty();
        }
        QueryResponse firstPage = dynamoDb.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", "pk"))
                .expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(SyncStoreLayout.identityPartition(identity)))));
        assertThat(firstPage.hasLastEvaluatedKey()).as("the partition must not fit one page").isTrue();
    }

    /** A dataset deleted in Cognito Sync at count 4, as imported: count 4, generation 5. */
    static StoredDataset deleted(IdentityId identity, int i) {
        DatasetMetadata meta = new DatasetMetadata(new DatasetKey(identity, new DatasetName(name(i))), LONG_AGO,
                LONG_AGO, user.identityId(), 0, 0, new SyncCount(4));
        return new StoredDataset(meta, true, new SyncCount(5), new SyncCount(4));
    }

    @Test
    void listDatasetsListsTheLiveOnes() {
        Answer listed = ok(api.listDatasets(user));

        // the other test may have re-created RECREATED already
        assertThat(names(listed.data("listDatasets"))).contains("kept", "gone").hasSizeLessThanOrEqualTo(20)
                .noneMatch(n -> n.startsWith("gone-") && !n.equals(name(RECREATED)));
    }

    @Test
    void recordsOfADatasetNamedLikeThousandsOfDeletedOnesAreListed() {
        // the table's name range of "gone" holds all the deleted "gone-…" datasets: more than a page
        JsonNode live = ok(api.listRecords(user, "gone", 0)).data("listRecords");
        JsonNode deleted = ok(api.listRecords(user, name(9), 2)).data("listRecords");

        assertThat(live.at("/records/0/value").asText()).isEqualTo("here");
        assertThat(live.path("datasetExists").asBoolean()).isTrue();
        assertThat(deleted.path("records")).isEmpty();
        assertThat(deleted.path("datasetExists").asBoolean()).isFalse();
        assertThat(deleted.path("datasetDeletedAfterRequestedSyncCount").asBoolean())
                .as("count 2 is below the deletion at 5").isTrue();
    }

    @Test
    void datasetsAreCreatedAndTheLimitOfTwentyStillHolds() {
        Caller other = SyncshiftApi.freshUser();
        for (int i = 0; i < 20; i++) {
            ok(api.updateRecords(other, "ds" + i, put("k", "v", 0)));
        }
        // the identity with the deleted datasets: "kept", "gone", one re-created, 17 new
        ok(api.syncDataset(user, "kept", 1, put("k2", "v", 0)));
        Answer recreated = ok(api.updateRecords(user, name(RECREATED), put("back", "again", 0)));
        for (int i = 0; i < 17; i++) {
            ok(api.updateRecords(user, "new" + i, put("k", "v", 0)));
        }
        Answer twentyFirst = api.updateRecords(user, "one-too-many", put("k", "v", 0));

        assertThat(recreated.data("updateRecords").path("datasetSyncCount").asLong()).isEqualTo(5);
        assertThat(twentyFirst.error().path("errorType").asText()).isEqualTo("LimitExceededException");
        assertThat(names(ok(api.listDatasets(user)).data("listDatasets"))).hasSize(20);
        assertThat(api.updateRecords(other, "one-too-many", put("k", "v", 0)).error().path("errorType").asText())
                .isEqualTo("LimitExceededException");
    }

    static String name(int i) {
        return String.format(Locale.ROOT, "gone-%04d-", i) + "x".repeat(110);
    }

    private static List<String> names(JsonNode datasets) {
        List<String> names = new ArrayList<>();
        datasets.forEach(d -> names.add(d.path("datasetName").asText()));
        return names;
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.ok()).as(answer.body().toString()).isTrue();
        return answer;
    }
}
