package dev.syncshift.core.layout;

/**
 * A DynamoDB {@code BOOL} value.
 *
 * @param value the flag
 */
public record BooleanAttribute(boolean value) implements AttributeValue {

    @Override
    public long sizeBytes() {
        return 1;
    }
}
