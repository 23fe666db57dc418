package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.ImportInputs.changes;
import static dev.syncshift.graphql.e2e.ImportInputs.recordAt;
import static dev.syncshift.graphql.e2e.Patch.put;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.core.layout.WriteBackMark;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * A push that read the metadata item before a write-back marked it, and writes after: its write is conditioned on the
 * item as read, mark included, so it is refused (ConcurrentUpdate) rather than write the item back without the mark,
 * and the same push sent again carries the mark. Without that condition the push (the one the mark is there to
 * protect) took the mark off, and a device's import then took the write-back's copy of the older value over it.
 */
class WriteBackMarkRaceTest {

    static final DatasetName DATASET = new DatasetName("ds");
    static final long FROM = 5;
    static final long OVER = 6;

    private static AmazonDynamoDBLocal local;
    private static InterleavingDynamoDb interleaving;
    private static AppSyncEmulator emulator;
    private static SyncOperations api;

    @BeforeAll
    static void start() {
        local = DynamoDBEmbedded.create(true);
        interleaving = new InterleavingDynamoDb(local.dynamoDbClient());
        emulator = AppSyncEmulator.start(SyncshiftApi.CONFIG, interleaving.client());
        api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
    }

    @AfterAll
    static void stop() {
        emulator.close();
        local.shutdown();
    }

    @Test
    void aPushThatReadTheItemBeforeTheMarkIsRefusedAndCarriesItWhenSentAgain() {
        Caller me = SyncshiftApi.freshUser();
        IdentityId identity = new IdentityId(requireNonNull(me.identityId()));
        assertThat(CutoverImportTest.COPY.run(api, me).ok()).isTrue();
        assertThat(api.updateRecords(me, DATASET.value(), put("c", "c", 0)).ok()).isTrue();
        StoredDataset read = stored(identity);
        assertThat(read.metadata().syncCount()).isEqualTo(new SyncCount(OVER));
        // the write-back read the store at OVER; the push below reads the item too, then, just before its write, the
        // write-back puts its mark, conditioned on the item being as it read it (it still is: same count)
        interleaving.beforeNextWrite(() -> mark(identity));

        Answer raced = api.updateRecords(me, DATASET.value(), put("a", "appsync a", 3));
        assertThat(raced.error().path("errorType").asText()).isEqualTo("ResourceConflictException");
        assertThat(raced.error().path("errorInfo").path("reason").asText()).isEqualTo("ConcurrentUpdate");
        assertThat(api.updateRecords(me, DATASET.value(), put("a", "appsync a", 3)).ok()).as("sent again").isTrue();

        // the write-back's UpdateRecords now lands in Cognito at FROM + 1, holding the older a, dated at the write;
        // a device imports it before the migrator moves the watermark
        assertThat(api.importDataset(me, changes(DATASET.value(), FROM, FROM + 1, true, List.of(
                recordAt("a", "written back a", FROM + 1, CutoverImportTest.LATER)))).ok()).isTrue();
        assertThat(values(me)).containsEntry("a", "appsync a");
        assertThat(stored(identity).writeBack()).as("the mark")
                .isEqualTo(new WriteBackMark(new SyncCount(FROM), new SyncCount(OVER)));
    }

    private static void mark(IdentityId identity) {
        DynamoDbClient dynamoDb = local.dynamoDbClient();
        dynamoDb.updateItem(r -> r.tableName(new LayoutTable(dynamoDb).name())
                .key(Map.of(SyncStoreLayout.PARTITION_KEY,
                        AttributeValue.fromS(SyncStoreLayout.identityPartition(identity)),
                        SyncStoreLayout.SORT_KEY, AttributeValue.fromS(SyncStoreLayout.datasetSortKey(DATASET))))
                .conditionExpression("#sc = :sc")
                .updateExpression("SET #from = :from, #over = :over")
                .expressionAttributeNames(Map.of("#sc", SyncStoreLayout.SYNC_COUNT,
                        "#from", DatasetItems.WRITE_BACK_FROM, "#over", DatasetItems.WRITE_BACK_OVER))
                .expressionAttributeValues(Map.of(":sc", AttributeValue.fromN(Long.toString(OVER)),
                        ":from", AttributeValue.fromN(Long.toString(FROM)),
                        ":over", AttributeValue.fromN(Long.toString(OVER)))));
    }

    private static StoredDataset stored(IdentityId identity) {
        return DatasetItems.fromItem(identity, new LayoutTable(local.dynamoDbClient()).query(
                SyncStoreLayout.identityPartition(identity), SyncStoreLayout.datasetSortKey(DATASET)).get(0));
    }

    private static Map<String, String> values(Caller me) {
        Answer page = api.listRecords(me, DATASET.value(), 0);
        assertThat(page.ok()).isTrue();
        Map<String, String> values = new HashMap<>();
        page.data("listRecords").path("records")
                .forEach(r -> values.put(r.path("key").asText(), r.path("value").asText()));
        return values;
    }
}
