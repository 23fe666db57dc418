package dev.syncshift.emulator.appsync.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * AppSync's batch and transaction request objects: BatchGetItem, BatchPutItem, BatchDeleteItem,
 * TransactGetItems and TransactWriteItems, with AppSync's result shapes ({@code data}/{@code unprocessed*},
 * {@code items}/{@code keys} and {@code cancellationReasons}).
 */
final class DynamoDbMultiItemOperations {

    private final DynamoDbClient client;

    DynamoDbMultiItemOperations(DynamoDbClient client) {
        this.client = client;
    }

    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> batchGet(Map<String, @Nullable Object> request) {
        Map<String, KeysAndAttributes> tables = new LinkedHashMap<>();
        Map<String, List<Map<String, AttributeValue>>> requested = new LinkedHashMap<>();
        ((Map<String, Object>) required(request, "tables")).forEach((table, spec) -> {
            Map<String, @Nullable Object> s = (Map<String, @Nullable Object>) spec;
            List<Map<String, AttributeValue>> keys = ((List<Object>) required(s, "keys")).stream()
                    .map(AttributeValues::fromTypedMap).toList();
            requested.put(table, keys);
            tables.put(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(Boolean.TRUE.equals(s.get("consistentRead"))).build());
        });
        var response = client.batchGetItem(b -> b.requestItems(tables));
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        requested.forEach((table, keys) -> data.put(table, keys.stream()
                .map(key -> found(response.responses().getOrDefault(table, List.of()), key)).toList()));
        Map<String, @Nullable Object> unprocessed = new LinkedHashMap<>();
        requested.keySet().forEach(table -> unprocessed.put(table, List.of()));
        return result("data", data, "unprocessedKeys", unprocessed);
    }

    private static @Nullable Map<String, @Nullable Object> found(List<Map<String, AttributeValue>> items,
            Map<String, AttributeValue> key) {
        return items.stream()
                .filter(item -> key.entrySet().stream().allMatch(e -> e.getValue().equals(item.get(e.getKey()))))
                .findFirst().map(AttributeValues::toPlainMap).orElse(null);
    }

    Map<String, @Nullable Object> batchPut(Map<String, @Nullable Object> request) {
        return batchWrite(request, true, "unprocessedItems");
    }

    Map<String, @Nullable Object> batchDelete(Map<String, @Nullable Object> request) {
        return batchWrite(request, false, "unprocessedKeys");
    }

    @SuppressWarnings("unchecked")
    private Map<String, @Nullable Object> batchWrite(Map<String, @Nullable Object> request, boolean put,
            String unprocessedName) {
        Map<String, List<WriteRequest>> writes = new LinkedHashMap<>();
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        Map<String, @Nullable Object> unprocessed = new LinkedHashMap<>();
        ((Map<String, Object>) required(request, "tables")).forEach((table, list) -> {
            List<Map<String, AttributeValue>> items = ((List<Object>) list).stream()
                    .map(AttributeValues::fromTypedMap).toList();
            writes.put(table, items.stream().map(item -> put
                    ? WriteRequest.builder().putRequest(p -> p.item(item)).build()
                    : WriteRequest.builder().deleteRequest(d -> d.key(item)).build()).toList());
            data.put(table, items.stream().map(AttributeValues::toPlainMap).toList());
            unprocessed.put(table, List.of());
        });
        client.batchWriteItem(b -> b.requestItems(writes));
        return result("data", data, unprocessedName, unprocessed);
    }

    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> transactGet(Map<String, @Nullable Object> request) {
        List<TransactGetItem> items = new ArrayList<>();
        for (Object o : (List<Object>) required(request, "transactItems")) {
            Map<String, @Nullable Object> item = (Map<String, @Nullable Object>) o;
            items.add(TransactGetItem.builder().get(g -> g.tableName(required(item, "table").toString())
                    .key(AttributeValues.fromTypedMap(item.get("key")))).build());
        }
        var response = client.transactGetItems(b -> b.transactItems(items));
        return result("items", response.responses().stream().map(r -> AttributeValues.toPlainMap(r.item()))
                .toList(), "cancellationReasons", null);
    }

    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> transactWrite(Map<String, @Nullable Object> request) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<@Nullable Object> keys = new ArrayList<>();
        for (Object o : (List<Object>) required(request, "transactItems")) {
            Map<String, @Nullable Object> item = (Map<String, @Nullable Object>) o;
            items.add(writeItem(item));
            keys.add(AttributeValues.toPlainMap(AttributeValues.fromTypedMap(item.get("key"))));
        }
        client.transactWriteItems(b -> b.transactItems(items));
        return result("keys", keys, "cancellationReasons", null);
    }

    /** A member the request must have: its absence is the request's fault, reported as a mapping error. */
    private static Object required(Map<String, @Nullable Object> request, String member) {
        Object value = request.get(member);
        if (value == null) {
            throw new IllegalArgumentException("missing " + member);
        }
        return value;
    }

    private static TransactWriteItem writeItem(Map<String, @Nullable Object> item) {
        String table = String.valueOf(item.get("table"));
        Map<String, AttributeValue> key = AttributeValues.fromTypedMap(item.get("key"));
        DynamoDbExpression expressions = new DynamoDbExpression();
        String update = expressions.add(item.get("update"));
        String condition = expressions.add(item.get("condition"));
        // AppSync returns the item that failed a condition unless the condition says false (its default is true).
        ReturnValuesOnConditionCheckFailure onFailure = item.get("condition") instanceof Map<?, ?> c
                && Boolean.FALSE.equals(c.get("returnValuesOnConditionCheckFailure"))
                ? ReturnValuesOnConditionCheckFailure.NONE : ReturnValuesOnConditionCheckFailure.ALL_OLD;
        TransactWriteItem.Builder b = TransactWriteItem.builder();
        switch (String.valueOf(item.get("operation"))) {
            case "PutItem" -> {
                Map<String, AttributeValue> full = new LinkedHashMap<>(
                        AttributeValues.fromTypedMap(item.get("attributeValues")));
                full.putAll(key);
                b.put(p -> p.tableName(table).item(full).conditionExpression(condition)
                        .expressionAttributeNames(expressions.names()).expressionAttributeValues(expressions.values())
                        .returnValuesOnConditionCheckFailure(onFailure));
            }
            case "UpdateItem" -> b.update(u -> u.tableName(table).key(key).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(expressions.names())
                    .expressionAttributeValues(expressions.values()).returnValuesOnConditionCheckFailure(onFailure));
            case "DeleteItem" -> b.delete(d -> d.tableName(table).key(key).conditionExpression(condition)
                    .expressionAttributeNames(expressions.names()).expressionAttributeValues(expressions.values())
                    .returnValuesOnConditionCheckFailure(onFailure));
            case "ConditionCheck" -> b.conditionCheck(c -> c.tableName(table).key(key).conditionExpression(condition)
                    .expressionAttributeNames(expressions.names()).expressionAttributeValues(expressions.values())
                    .returnValuesOnConditionCheckFailure(onFailure));
            default -> throw new IllegalArgumentException("unsupported transact operation " + item.get("operation"));
        }
        return b.build();
    }

    Map<String, @Nullable Object> cancellation(String operation, TransactionCanceledException e) {
        List<Map<String, @Nullable Object>> reasons = new ArrayList<>();
        for (CancellationReason reason : e.cancellationReasons()) {
            Map<String, @Nullable Object> r = new LinkedHashMap<>();
            r.put("type", reasonType(reason.code()));
            r.put("message", reason.message() == null ? "None" : reason.message());
            if (reason.hasItem()) {
                r.put("item", AttributeValues.toPlainMap(reason.item()));
            }
            reasons.add(r);
        }
        String items = operation.equals("TransactGetItems") ? "items" : "keys";
        return result(items, null, "cancellationReasons", reasons);
    }

    /**
     * A cancellation reason's {@code type}: DynamoDB's code, but for a failed condition, which AppSync's
     * TransactWriteItems reference shows as {@code ConditionCheckFailed} (DynamoDB's code is
     * {@code ConditionalCheckFailed}); {@code None} for an item that caused nothing.
     */
    private static String reasonType(@Nullable String code) {
        if (code == null) {
            return "None";
        }
        return code.equals("ConditionalCheckFailed") ? "ConditionCheckFailed" : code;
    }

    private static Map<String, @Nullable Object> result(String k1, @Nullable Object v1, String k2,
            @Nullable Object v2) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
