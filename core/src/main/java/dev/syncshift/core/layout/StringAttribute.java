package dev.syncshift.core.layout;

import java.nio.charset.StandardCharsets;

/**
 * A DynamoDB {@code S} value. May be empty (DynamoDB allows empty strings outside keys).
 *
 * @param value the text
 */
public record StringAttribute(String value) implements AttributeValue {

    @Override
    public long sizeBytes() {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
