package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The preflight's view of the store table, on DynamoDB Local: the table {@code --create-table} makes has the layout,
 * and a table made before the live-datasets index existed is named as lacking it (the resolvers would fail on it).
 */
class StoreTableShapeTest {

    static LocalAws aws;
    static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(1);
        dynamoDb = aws.dynamoDbClient();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void theCreatedTableHasTheLayout() {
        StoreTableShape.create(dynamoDb, "created");

        assertThat(StoreTableShape.differences(describe("created"))).isEmpty();
        assertThat(StoreTableShape.differences(describe(LocalAws.TABLE))).isEmpty();
    }

    @Test
    void aTableWithoutTheLiveDatasetsIndexIsRefused() {
        dynamoDb.createTable(t -> t.tableName("older").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("syncCount").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .localSecondaryIndexes(i -> i.indexName("bySyncCount")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("syncCount").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));

        assertThat(StoreTableShape.differences(describe("older")))
                .containsExactly("local secondary index liveDatasets is missing");
    }

    private static TableDescription describe(String table) {
        return dynamoDb.describeTable(r -> r.tableName(table)).table();
    }
}
