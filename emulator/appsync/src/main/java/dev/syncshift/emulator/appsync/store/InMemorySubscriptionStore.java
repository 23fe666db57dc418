package dev.syncshift.emulator.appsync.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscriptions held in memory.
 *
 * @param <S> what the rules keep per subscription
 */
public final class InMemorySubscriptionStore<S> implements SubscriptionStore<S> {

    private record Key(String connectionId, String subscriptionId) {
    }

    private record Entry<S>(String fieldName, S subscription) {
    }

    private final Map<Key, Entry<S>> entries = new ConcurrentHashMap<>();

    @Override
    public boolean contains(String connectionId, String subscriptionId) {
        return entries.containsKey(new Key(connectionId, subscriptionId));
    }

    @Override
    public void add(String connectionId, String subscriptionId, String fieldName, S subscription) {
        entries.put(new Key(connectionId, subscriptionId), new Entry<>(fieldName, subscription));
    }

    @Override
    public boolean remove(String connectionId, String subscriptionId) {
        return entries.remove(new Key(connectionId, subscriptionId)) != null;
    }

    @Override
    public void removeConnection(String connectionId) {
        entries.keySet().removeIf(key -> key.connectionId().equals(connectionId));
    }

    @Override
    public List<S> byField(String fieldName) {
        return entries.values().stream()
                .filter(entry -> entry.fieldName().equals(fieldName))
                .map(Entry::subscription)
                .toList();
    }
}
