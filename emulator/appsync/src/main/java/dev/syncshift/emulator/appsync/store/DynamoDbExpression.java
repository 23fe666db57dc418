package dev.syncshift.emulator.appsync.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An AppSync expression object ({@code {expression, expressionNames, expressionValues}}), merged with others
 * of the same request since DynamoDB takes one set of names and values per call.
 */
final class DynamoDbExpression {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    @Nullable String add(@Nullable Object expressionObject) {
        if (!(expressionObject instanceof Map<?, ?> map) || map.get("expression") == null) {
            return null;
        }
        if (map.get("expressionNames") instanceof Map<?, ?> n) {
            n.forEach((k, v) -> names.put(k.toString(), v.toString()));
        }
        values.putAll(AttributeValues.fromTypedMap(map.get("expressionValues")));
        return map.get("expression").toString();
    }

    @Nullable Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    @Nullable Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
