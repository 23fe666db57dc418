package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.ImportInputs.changes;
import static dev.syncshift.graphql.e2e.ImportInputs.recordAt;
import static dev.syncshift.graphql.e2e.MarkedDataset.DATASET;
import static dev.syncshift.graphql.e2e.MarkedDataset.FROM;
import static dev.syncshift.graphql.e2e.MarkedDataset.MARK;
import static dev.syncshift.graphql.e2e.Patch.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * A push that read the metadata item before a write-back marked it, and writes after: its write is conditioned on the
 * item as read, mark included, so it is refused (ConcurrentUpdate) rather than write the item back without the mark,
 * and the same push sent again carries the mark. Without that condition the push (the one the mark is there to
 * protect) took the mark off, and a device's import then took the write-back's copy of the older value over it.
 */
class WriteBackMarkRaceTest {

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
        MarkedDataset ds = MarkedDataset.copiedThenPushed(local.dynamoDbClient(), api);
        // the write-back read the store at OVER; the push below reads the item too, then, just before its write, the
        // write-back puts its mark, conditioned on the item being as it read it (it still is: same count)
        interleaving.beforeNextWrite(ds::mark);

        Answer raced = api.updateRecords(ds.me(), DATASET.value(), put("a", "appsync a", 3));
        assertThat(raced.error().path("errorType").asText()).isEqualTo("ResourceConflictException");
        assertThat(raced.error().path("errorInfo").path("reason").asText()).isEqualTo("ConcurrentUpdate");
        ds.succeeds(api.updateRecords(ds.me(), DATASET.value(), put("a", "appsync a", 3)));

        // the write-back's UpdateRecords now lands in Cognito at FROM + 1, holding the older a, dated at the write;
        // a device imports it before the migrator moves the watermark
        ds.succeeds(api.importDataset(ds.me(), changes(DATASET.value(), FROM, FROM + 1, true, List.of(
                recordAt("a", "written back a", FROM + 1, CutoverImportTest.LATER)))));
        assertThat(ds.values()).containsEntry("a", "appsync a");
        assertThat(ds.stored().writeBack()).as("the mark").isEqualTo(MARK);
    }
}
