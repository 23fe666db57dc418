package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/** {@link PushSyncStore} in memory. */
public final class InMemoryPushSyncStore implements PushSyncStore {

    private final Map<IdentityId, Map<String, StoredDevice>> devices = new ConcurrentHashMap<>();
    private final Map<DatasetKey, Set<String>> subscriptions = new ConcurrentHashMap<>();
    private final List<StoredPushNotification> notifications = new CopyOnWriteArrayList<>();

    @Override
    public void putDevice(StoredDevice device) {
        devices.computeIfAbsent(device.identityId(), id -> new ConcurrentHashMap<>()).put(device.deviceId(), device);
    }

    @Override
    public Optional<StoredDevice> device(IdentityId identityId, String deviceId) {
        return Optional.ofNullable(devices.getOrDefault(identityId, Map.of()).get(deviceId));
    }

    @Override
    public Optional<StoredDevice> device(IdentityId identityId, String platform, String token) {
        return devices.getOrDefault(identityId, Map.of()).values().stream()
                .filter(device -> device.platform().equals(platform) && device.token().equals(token))
                .findFirst();
    }

    @Override
    public void subscribe(DatasetKey dataset, String deviceId) {
        subscriptions.computeIfAbsent(dataset, key -> new CopyOnWriteArraySet<>()).add(deviceId);
    }

    @Override
    public void unsubscribe(DatasetKey dataset, String deviceId) {
        subscriptions.getOrDefault(dataset, Set.of()).remove(deviceId);
    }

    @Override
    public void unsubscribeAll(DatasetKey dataset) {
        subscriptions.remove(dataset);
    }

    @Override
    public List<String> subscribers(DatasetKey dataset) {
        return List.copyOf(subscriptions.getOrDefault(dataset, Set.of()));
    }

    @Override
    public void addNotification(StoredPushNotification notification) {
        notifications.add(notification);
    }

    @Override
    public List<StoredPushNotification> notifications() {
        return List.copyOf(notifications);
    }
}
