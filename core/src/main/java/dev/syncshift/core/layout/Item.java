package dev.syncshift.core.layout;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One DynamoDB item as a map from attribute name to value. Immutable.
 *
 * <p>The typed getters throw {@link IllegalArgumentException} when the attribute is missing or of another type: an
 * item that does not follow {@link SyncStoreLayout} is a bug or a corrupt table, never user input.
 *
 * @param attributes the attributes by name, keys included
 */
public record Item(Map<String, AttributeValue> attributes) {

    /** Copies the map. */
    public Item {
        attributes = Map.copyOf(attributes);
    }

    /** Whether the item has the attribute. */
    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    /** The {@code S} attribute {@code name}. */
    public String string(String name) {
        return typed(name, StringAttribute.class).value();
    }

    /** The {@code S} attribute {@code name}, or null when absent. */
    public @Nullable String optionalString(String name) {
        return has(name) ? string(name) : null;
    }

    /** The {@code N} attribute {@code name}. */
    public long number(String name) {
        return typed(name, NumberAttribute.class).value();
    }

    /** The {@code N} attribute {@code name}, or null when absent. */
    public @Nullable Long optionalNumber(String name) {
        return has(name) ? number(name) : null;
    }

    /** The {@code BOOL} attribute {@code name}; false when absent. */
    public boolean flag(String name) {
        return has(name) && typed(name, BooleanAttribute.class).value();
    }

    /** The item's size as DynamoDB counts it toward the 400 KB limit: UTF-8 names plus values. */
    public long sizeBytes() {
        long size = 0;
        for (Map.Entry<String, AttributeValue> entry : attributes.entrySet()) {
            size += entry.getKey().getBytes(StandardCharsets.UTF_8).length + entry.getValue().sizeBytes();
        }
        return size;
    }

    private <T extends AttributeValue> T typed(String name, Class<T> type) {
        AttributeValue value = attributes.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("Attribute " + name + " is not a " + type.getSimpleName() + ": "
                    + value);
        }
        return type.cast(value);
    }
}
