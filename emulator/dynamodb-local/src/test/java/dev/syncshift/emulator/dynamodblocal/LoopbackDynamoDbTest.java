package dev.syncshift.emulator.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class LoopbackDynamoDbTest {

    @Test
    void servesTheSdkOverLoopbackHttpAndEachInstanceIsItsOwnDatabase() {
        try (LoopbackDynamoDb first = LoopbackDynamoDb.start(); LoopbackDynamoDb second = LoopbackDynamoDb.start()) {
            DynamoDbClient client = client(first);

            client.createTable(t -> t.tableName("notes")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            client.putItem(p -> p.tableName("notes").item(Map.of("id", AttributeValue.fromS("a"))));

            assertThat(first.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(client.getItem(g -> g.tableName("notes").key(Map.of("id", AttributeValue.fromS("a"))))
                    .item()).containsKey("id");
            assertThat(client(second).listTables().tableNames()).isEmpty();
        }
    }

    private static DynamoDbClient client(LoopbackDynamoDb dynamoDb) {
        return DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
