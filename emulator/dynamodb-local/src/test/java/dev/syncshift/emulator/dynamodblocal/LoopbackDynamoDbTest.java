package dev.syncshift.emulator.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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

    /** A machine whose locale writes Arabic digits: DynamoDB Local put them in its SQL ("LIMIT ١٠١") and failed. */
    @Test
    void worksWhereTheMachinesLocaleWritesOtherDigits() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("ar-EG"));
        try (LoopbackDynamoDb dynamoDb = LoopbackDynamoDb.start()) {
            DynamoDbClient client = client(dynamoDb);
            client.createTable(t -> t.tableName("notes")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L)));

            assertThat(client.listTables().tableNames()).containsExactly("notes");
            assertThat(client.describeTable(d -> d.tableName("notes")).table().provisionedThroughput()
                    .writeCapacityUnits()).isEqualTo(7L);
            assertThat(String.format("%d", 101)).as("the format locale's digits").isEqualTo("101");
            assertThat(Locale.getDefault(Locale.Category.FORMAT).getLanguage()).isEqualTo("ar");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void cancelledTransactionsAreAnsweredAsDynamoDbDoesAndWriteNothing() {
        try (LoopbackDynamoDb dynamoDb = LoopbackDynamoDb.start()) {
            DynamoDbClient client = client(dynamoDb);
            client.createTable(t -> t.tableName("notes")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            dynamoDb.cancelTransactions("ThrottlingError", "TransactionConflict");
            Runnable write = () -> client.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("notes")
                            .item(Map.of("id", AttributeValue.fromS("a")))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName("notes")
                            .item(Map.of("id", AttributeValue.fromS("b")))).build()));

            assertThatThrownBy(write::run).isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                        .containsExactly("ThrottlingError", "None");
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TransactionCanceledException");
            });
            assertThatThrownBy(write::run).isInstanceOfSatisfying(TransactionCanceledException.class,
                    e -> assertThat(e.cancellationReasons().get(0).code()).isEqualTo("TransactionConflict"));
            assertThat(client.scan(r -> r.tableName("notes")).count()).isZero();
            write.run();
            assertThat(client.scan(r -> r.tableName("notes")).count()).isEqualTo(2);
        }
    }

    private static DynamoDbClient client(LoopbackDynamoDb dynamoDb) {
        return DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
