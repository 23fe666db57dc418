package dev.syncshift.graphql.e2e;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * syncshift's API on an emulator of its own, over a DynamoDB Local of its own that the emulator reaches through a
 * client the test wraps (to count requests, or to slip a rival's write in): for tests that watch the table's side.
 */
final class OwnTableApi implements AutoCloseable {

    private final AmazonDynamoDBLocal local;
    private final AppSyncEmulator emulator;
    private final SyncOperations api;

    OwnTableApi(UnaryOperator<DynamoDbClient> wrap) {
        local = DynamoDBEmbedded.create(true);
        emulator = AppSyncEmulator.start(SyncshiftApi.CONFIG, wrap.apply(local.dynamoDbClient()));
        api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
    }

    SyncOperations api() {
        return api;
    }

    @Override
    public void close() {
        emulator.close();
        local.shutdown();
    }
}
