package dev.syncshift.core.layout;

/**
 * A DynamoDB {@code N} value holding an integer: sync counts, sizes and epoch milliseconds.
 *
 * @param value the number
 */
public record NumberAttribute(long value) implements AttributeValue {

    /** DynamoDB's documented estimate: one byte per two significant digits, plus one. */
    @Override
    public long sizeBytes() {
        int digits = Long.toString(Math.abs(value)).length();
        return (digits + 1) / 2 + 1;
    }
}
