package dev.syncshift.migrator.target;

import dev.syncshift.core.layout.SyncStoreLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The table shape the sync-store layout needs (the one {@code config/syncshift-appsync.yaml} deploys): string keys
 * {@code pk}/{@code sk} and two local secondary indexes projecting all attributes, {@code bySyncCount} on the numeric
 * {@code syncCount} and {@code liveDatasets} on the string {@code liveSk}.
 */
public final class StoreTableShape {

    /** The layout's local secondary indexes: name, sort key and its type. */
    private static final List<IndexShape> INDEXES = List.of(
            new IndexShape(SyncStoreLayout.SYNC_COUNT_INDEX, SyncStoreLayout.SYNC_COUNT, ScalarAttributeType.N),
            new IndexShape(SyncStoreLayout.LIVE_INDEX, SyncStoreLayout.LIVE_SORT_KEY, ScalarAttributeType.S));

    private record IndexShape(String name, String sortKey, ScalarAttributeType type) {
    }

    private StoreTableShape() {
    }

    /** Creates the table on demand (pay per request) and waits until it is active. */
    public static void create(DynamoDbClient dynamoDb, String table) {
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(
                attribute(SyncStoreLayout.PARTITION_KEY, ScalarAttributeType.S),
                attribute(SyncStoreLayout.SORT_KEY, ScalarAttributeType.S)));
        INDEXES.forEach(index -> attributes.add(attribute(index.sortKey(), index.type())));
        dynamoDb.createTable(t -> t.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key(SyncStoreLayout.PARTITION_KEY, KeyType.HASH),
                        key(SyncStoreLayout.SORT_KEY, KeyType.RANGE))
                .localSecondaryIndexes(INDEXES.stream().map(index -> LocalSecondaryIndex.builder()
                        .indexName(index.name())
                        .keySchema(key(SyncStoreLayout.PARTITION_KEY, KeyType.HASH),
                                key(index.sortKey(), KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()).toList()));
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    /** What in {@code table}'s description differs from the layout; empty when it matches. */
    public static List<String> differences(TableDescription table) {
        List<String> problems = new ArrayList<>();
        Map<String, String> types = table.attributeDefinitions().stream().collect(Collectors.toMap(
                AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
        expectKeys("the table", table.keySchema(), SyncStoreLayout.SORT_KEY, problems);
        expectType(types, SyncStoreLayout.PARTITION_KEY, "S", problems);
        expectType(types, SyncStoreLayout.SORT_KEY, "S", problems);
        INDEXES.forEach(index -> expectIndex(table, index, types, problems));
        return problems;
    }

    private static void expectIndex(TableDescription table, IndexShape shape, Map<String, String> types,
            List<String> problems) {
        LocalSecondaryIndexDescription index = table.localSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals(shape.name())).findFirst().orElse(null);
        if (index == null) {
            problems.add("local secondary index " + shape.name() + " is missing");
            return;
        }
        expectKeys("index " + shape.name(), index.keySchema(), shape.sortKey(), problems);
        expectType(types, shape.sortKey(), shape.type().toString(), problems);
        if (index.projection().projectionType() != ProjectionType.ALL) {
            problems.add("index " + shape.name() + " must project ALL attributes, not "
                    + index.projection().projectionTypeAsString());
        }
    }

    private static void expectKeys(String what, List<KeySchemaElement> keys, String sortKey, List<String> problems) {
        Map<String, KeyType> byName = keys.stream().collect(Collectors.toMap(KeySchemaElement::attributeName,
                KeySchemaElement::keyType));
        if (!Map.of(SyncStoreLayout.PARTITION_KEY, KeyType.HASH, sortKey, KeyType.RANGE).equals(byName)) {
            problems.add(what + " must be keyed by " + SyncStoreLayout.PARTITION_KEY + " (HASH) and " + sortKey
                    + " (RANGE), not " + byName);
        }
    }

    private static void expectType(Map<String, String> types, String attribute, String type, List<String> problems) {
        if (!type.equals(types.get(attribute))) {
            problems.add("attribute " + attribute + " must be of type " + type + ", not " + types.get(attribute));
        }
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
