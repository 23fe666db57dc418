package dev.syncshift.core.layout;

/**
 * Deletes the item with these keys, unconditionally.
 *
 * @param partitionKey the {@code pk}
 * @param sortKey the {@code sk}
 */
public record DeleteAction(String partitionKey, String sortKey) implements WriteAction {
}
