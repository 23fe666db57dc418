package dev.syncshift.core.layout;

import org.jspecify.annotations.Nullable;

/**
 * Writes {@code item} whole, if {@code condition} holds (unconditionally when it is null).
 *
 * @param item the item, keys included
 * @param condition the condition, or null
 */
public record PutAction(Item item, @Nullable Condition condition) implements WriteAction {
}
