package dev.syncshift.graphql.e2e;

import dev.syncshift.core.layout.BooleanAttribute;
import dev.syncshift.core.layout.CheckAction;
import dev.syncshift.core.layout.Condition;
import dev.syncshift.core.layout.DeleteAction;
import dev.syncshift.core.layout.Item;
import dev.syncshift.core.layout.NumberAttribute;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.StringAttribute;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.core.layout.WriteAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The store table as the migrator sees it: the core layout's items and write actions mapped one to one onto SDK v2
 * DynamoDB calls against the emulator's own DynamoDB (the adapter a migrator target writer needs; test-only here).
 */
final class LayoutTable {

    private final DynamoDbClient dynamoDb;
    private final String table;

    LayoutTable(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.table = dynamoDb.listTables().tableNames().get(0);
    }

    void transact(List<WriteAction> actions) {
        dynamoDb.transactWriteItems(r -> r.transactItems(actions.stream().map(this::toSdk).toList()));
    }

    String name() {
        return table;
    }

    void put(Item item) {
        dynamoDb.putItem(r -> r.tableName(table).item(toSdk(item)));
    }

    /** The items of a partition whose sort keys start with {@code prefix}, as layout items. */
    List<Item> query(String partition, String prefix) {
        return dynamoDb.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", SyncStoreLayout.PARTITION_KEY,
                        "#sk", SyncStoreLayout.SORT_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                        ":prefix", AttributeValue.fromS(prefix))))
                .items().stream().map(LayoutTable::fromSdk).toList();
    }

    private TransactWriteItem toSdk(WriteAction action) {
        if (action instanceof PutAction put) {
            return TransactWriteItem.builder().put(p -> {
                p.tableName(table).item(toSdk(put.item()));
                if (put.condition() != null) {
                    p.conditionExpression(put.condition().expression())
                            .expressionAttributeNames(put.condition().names())
                            .expressionAttributeValues(values(put.condition()));
                }
            }).build();
        }
        if (action instanceof DeleteAction delete) {
            return TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(key(delete.partitionKey(), delete.sortKey()))).build();
        }
        CheckAction check = (CheckAction) action;
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(key(check.partitionKey(), check.sortKey()))
                .conditionExpression(check.condition().expression())
                .expressionAttributeNames(check.condition().names())
                .expressionAttributeValues(values(check.condition()))).build();
    }

    private static Map<String, AttributeValue> key(String partition, String sort) {
        return Map.of(SyncStoreLayout.PARTITION_KEY, AttributeValue.fromS(partition),
                SyncStoreLayout.SORT_KEY, AttributeValue.fromS(sort));
    }

    private static Map<String, AttributeValue> values(Condition condition) {
        Map<String, AttributeValue> out = new HashMap<>();
        condition.values().forEach((name, value) -> out.put(name, toSdk(value)));
        return out;
    }

    static Map<String, AttributeValue> toSdk(Item item) {
        Map<String, AttributeValue> out = new HashMap<>();
        item.attributes().forEach((name, value) -> out.put(name, toSdk(value)));
        return out;
    }

    private static AttributeValue toSdk(dev.syncshift.core.layout.AttributeValue value) {
        if (value instanceof StringAttribute s) {
            return AttributeValue.fromS(s.value());
        }
        if (value instanceof NumberAttribute n) {
            return AttributeValue.fromN(Long.toString(n.value()));
        }
        return AttributeValue.fromBool(((BooleanAttribute) value).value());
    }

    private static Item fromSdk(Map<String, AttributeValue> item) {
        Map<String, dev.syncshift.core.layout.AttributeValue> out = new HashMap<>();
        item.forEach((name, value) -> out.put(name, switch (value.type()) {
            case S -> new StringAttribute(value.s());
            case N -> new NumberAttribute(Long.parseLong(value.n()));
            case BOOL -> new BooleanAttribute(value.bool());
            default -> throw new IllegalArgumentException("Not a layout attribute: " + name + "=" + value);
        }));
        return new Item(out);
    }
}
