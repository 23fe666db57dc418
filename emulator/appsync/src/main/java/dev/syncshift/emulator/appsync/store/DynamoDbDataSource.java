package dev.syncshift.emulator.appsync.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Executes AppSync's DynamoDB request objects (AWS docs {@code js-aws-appsync-resolver-reference-dynamodb-*})
 * against the store, and shapes results and errors as AppSync hands them to the response handler:
 * plain JSON results, {@code ctx.error.type} {@code DynamoDB:<exception name>}.
 */
final class DynamoDbDataSource {

    private final DynamoDbClient client;
    private final DynamoDbMultiItemOperations multi;

    DynamoDbDataSource(DynamoDbClient client) {
        this.client = client;
        this.multi = new DynamoDbMultiItemOperations(client);
    }

    DataSourceResult execute(String table, Map<String, @Nullable Object> request) {
        String operation = String.valueOf(request.get("operation"));
        try {
            return DataSourceResult.ok(dispatch(operation, table, request));
        } catch (TransactionCanceledException e) {
            return DataSourceResult.failed("DynamoDB:TransactionCanceledException", message(e),
                    multi.cancellation(operation, e));
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? "DynamoDbException" : e.awsErrorDetails().errorCode();
            return DataSourceResult.failed("DynamoDB:" + code, message(e), null);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            return DataSourceResult.failed("MappingTemplate", "Invalid " + operation + " request: "
                    + e.getMessage(), null);
        }
    }

    /**
     * DynamoDB's own message, as AppSync passes it on, without what the SDK adds to its exception's (the service,
     * status, request id and attempt count).
     */
    private static String message(DynamoDbException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message == null) {
            message = e.getMessage();
        }
        return message == null ? "no message" : message;
    }

    private @Nullable Object dispatch(String operation, String table, Map<String, @Nullable Object> request) {
        return switch (operation) {
            case "GetItem" -> getItem(table, request);
            case "PutItem" -> putItem(table, request);
            case "UpdateItem" -> updateItem(table, request);
            case "DeleteItem" -> deleteItem(table, request);
            case "Query" -> query(table, request);
            case "Scan" -> scan(table, request);
            case "BatchGetItem" -> multi.batchGet(request);
            case "BatchPutItem" -> multi.batchPut(request);
            case "BatchDeleteItem" -> multi.batchDelete(request);
            case "TransactGetItems" -> multi.transactGet(request);
            case "TransactWriteItems" -> multi.transactWrite(request);
            default -> throw new IllegalArgumentException("unsupported operation " + operation);
        };
    }

    private DynamoDbClient client() {
        return client;
    }

    private @Nullable Object getItem(String table, Map<String, @Nullable Object> request) {
        DynamoDbExpression projection = new DynamoDbExpression();
        String projected = projection.add(request.get("projection"));
        return AttributeValues.toPlainMap(client().getItem(b -> b.tableName(table)
                .key(AttributeValues.fromTypedMap(request.get("key")))
                .consistentRead(Boolean.TRUE.equals(request.get("consistentRead")))
                .projectionExpression(projected)
                .expressionAttributeNames(projection.names())).item());
    }

    private @Nullable Object putItem(String table, Map<String, @Nullable Object> request) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(
                AttributeValues.fromTypedMap(request.get("attributeValues")));
        item.putAll(AttributeValues.fromTypedMap(request.get("key")));
        DynamoDbExpression condition = new DynamoDbExpression();
        String expression = condition.add(request.get("condition"));
        client().putItem(b -> b.tableName(table).item(item).conditionExpression(expression)
                .expressionAttributeNames(condition.names()).expressionAttributeValues(condition.values()));
        return AttributeValues.toPlainMap(item);
    }

    private @Nullable Object updateItem(String table, Map<String, @Nullable Object> request) {
        DynamoDbExpression expressions = new DynamoDbExpression();
        String update = Objects.requireNonNull(expressions.add(request.get("update")), "update.expression");
        String condition = expressions.add(request.get("condition"));
        return AttributeValues.toPlainMap(client().updateItem(b -> b.tableName(table)
                .key(AttributeValues.fromTypedMap(request.get("key")))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(expressions.names()).expressionAttributeValues(expressions.values())
                .returnValues(ReturnValue.ALL_NEW)).attributes());
    }

    private @Nullable Object deleteItem(String table, Map<String, @Nullable Object> request) {
        DynamoDbExpression condition = new DynamoDbExpression();
        String expression = condition.add(request.get("condition"));
        return AttributeValues.toPlainMap(client().deleteItem(b -> b.tableName(table)
                .key(AttributeValues.fromTypedMap(request.get("key")))
                .conditionExpression(expression).expressionAttributeNames(condition.names())
                .expressionAttributeValues(condition.values()).returnValues(ReturnValue.ALL_OLD)).attributes());
    }

    private Map<String, @Nullable Object> query(String table, Map<String, @Nullable Object> request) {
        DynamoDbExpression expressions = new DynamoDbExpression();
        String keyCondition = Objects.requireNonNull(expressions.add(request.get("query")), "query.expression");
        String filter = expressions.add(request.get("filter"));
        var response = client().query(b -> b.tableName(table).indexName(string(request.get("index")))
                .keyConditionExpression(keyCondition).filterExpression(filter)
                .expressionAttributeNames(expressions.names()).expressionAttributeValues(expressions.values())
                .limit(integer(request.get("limit")))
                .exclusiveStartKey(AttributeValues.decodeToken(request.get("nextToken")))
                .scanIndexForward(!Boolean.FALSE.equals(request.get("scanIndexForward")))
                .consistentRead(Boolean.TRUE.equals(request.get("consistentRead"))));
        return page(response.items(), response.lastEvaluatedKey(), response.scannedCount());
    }

    private Map<String, @Nullable Object> scan(String table, Map<String, @Nullable Object> request) {
        DynamoDbExpression expressions = new DynamoDbExpression();
        String filter = expressions.add(request.get("filter"));
        var response = client().scan(b -> b.tableName(table).indexName(string(request.get("index")))
                .filterExpression(filter)
                .expressionAttributeNames(expressions.names()).expressionAttributeValues(expressions.values())
                .limit(integer(request.get("limit")))
                .exclusiveStartKey(AttributeValues.decodeToken(request.get("nextToken")))
                .segment(integer(request.get("segment"))).totalSegments(integer(request.get("totalSegments")))
                .consistentRead(Boolean.TRUE.equals(request.get("consistentRead"))));
        return page(response.items(), response.lastEvaluatedKey(), response.scannedCount());
    }

    private static Map<String, @Nullable Object> page(List<Map<String, AttributeValue>> items,
            @Nullable Map<String, AttributeValue> lastKey, @Nullable Integer scanned) {
        Map<String, @Nullable Object> page = new LinkedHashMap<>();
        page.put("items", items.stream().map(AttributeValues::toPlainMap).toList());
        page.put("nextToken", AttributeValues.encodeToken(lastKey));
        page.put("scannedCount", scanned);
        return page;
    }

    static @Nullable String string(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    static @Nullable Integer integer(@Nullable Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
