package dev.syncshift.core.layout;

import java.util.Map;

/**
 * A DynamoDB condition expression with its placeholders, as a ConditionExpression, ExpressionAttributeNames and
 * ExpressionAttributeValues triple.
 *
 * @param expression the expression, using only the placeholders below
 * @param names {@code #name} placeholders to attribute names
 * @param values {@code :value} placeholders to values
 */
public record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    /** Copies the maps. */
    public Condition {
        names = Map.copyOf(names);
        values = Map.copyOf(values);
    }
}
