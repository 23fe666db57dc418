package dev.syncshift.core.layout;

/**
 * Cancels the transaction unless {@code condition} holds on the item with these keys; writes nothing.
 *
 * @param partitionKey the {@code pk}
 * @param sortKey the {@code sk}
 * @param condition the condition
 */
public record CheckAction(String partitionKey, String sortKey, Condition condition) implements WriteAction {
}
