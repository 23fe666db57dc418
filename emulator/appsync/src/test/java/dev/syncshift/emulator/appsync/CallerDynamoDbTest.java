package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/** An emulator started over a DynamoDB client its caller owns (as the migrator's demo starts it). */
class CallerDynamoDbTest {

    private AmazonDynamoDBLocal local;
    private DynamoDbClient callers;

    @BeforeEach
    void startDynamoDbLocal() {
        local = DynamoDBEmbedded.create(true);
        callers = local.dynamoDbClient();
    }

    @AfterEach
    void stopDynamoDbLocal() {
        callers.close();
        local.shutdown();
    }

    @Test
    void theTablesAreCreatedInTheCallersDynamoDbAndTheClientOutlivesTheEmulator() {
        try (AppSyncEmulator emulator = AppSyncEmulator.start(TestApi.CONFIG, callers)) {
            SignedGraphQlClient client = new SignedGraphQlClient(emulator.endpoint());

            SignedGraphQlClient.Answer put = client.post(Caller.ALICE.credentials(),
                    "mutation { putNote(id: \"from-the-api\", text: \"hello\") { id } }", Map.of());

            assertThat(put.body().at("/data/putNote/id").asText()).isEqualTo("from-the-api");
            assertThat(emulator.dynamoDb()).isSameAs(callers);
        }

        assertThat(callers.describeTable(d -> d.tableName("notes-test")).table().tableStatusAsString())
                .isEqualTo("ACTIVE");
        Map<String, AttributeValue> item = callers.getItem(b -> b.tableName("notes-test").key(Map.of(
                "owner", AttributeValue.fromS(Caller.ALICE_ID), "id", AttributeValue.fromS("from-the-api")))).item();
        assertThat(item.get("text").s()).isEqualTo("hello");
    }

    @Test
    void aSecondEmulatorOverTheSameClientKeepsTheTablesAndTheirItems() {
        try (AppSyncEmulator first = AppSyncEmulator.start(TestApi.CONFIG, callers)) {
            new SignedGraphQlClient(first.endpoint()).post(Caller.ALICE.credentials(),
                    "mutation { putNote(id: \"kept\", text: \"still here\") { id } }", Map.of());
        }

        try (AppSyncEmulator second = AppSyncEmulator.start(TestApi.CONFIG, callers)) {
            SignedGraphQlClient.Answer get = new SignedGraphQlClient(second.endpoint()).post(Caller.ALICE.credentials(),
                    "{ getNote(id: \"kept\") { text } }", Map.of());

            assertThat(get.body().at("/data/getNote/text").asText()).isEqualTo("still here");
        }
    }
}
