package dev.syncshift.emulator.appsync.store;

import java.util.List;

/**
 * Live subscriptions, keyed by WebSocket connection and subscription id and found by subscription field.
 * Thread-safe.
 *
 * @param <S> what the rules keep per subscription
 */
public interface SubscriptionStore<S> {

    /**
     * Whether a connection has a subscription of that id.
     *
     * @param connectionId the WebSocket connection
     * @param subscriptionId the client's {@code id}
     * @return whether it is registered
     */
    boolean contains(String connectionId, String subscriptionId);

    /**
     * Registers a subscription (replacing one with the same connection and id).
     *
     * @param connectionId the WebSocket connection
     * @param subscriptionId the client's {@code id}
     * @param fieldName the subscription field
     * @param subscription the rules' data
     */
    void add(String connectionId, String subscriptionId, String fieldName, S subscription);

    /**
     * Removes one subscription.
     *
     * @param connectionId the connection
     * @param subscriptionId the id
     * @return whether it existed
     */
    boolean remove(String connectionId, String subscriptionId);

    /**
     * Removes every subscription of a connection.
     *
     * @param connectionId the connection
     */
    void removeConnection(String connectionId);

    /**
     * Lists the subscriptions on a field.
     *
     * @param fieldName the subscription field
     * @return a snapshot
     */
    List<S> byField(String fieldName);
}
