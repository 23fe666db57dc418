package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityId;
import java.util.List;
import java.util.Optional;

/** Registered devices, their dataset subscriptions, and the push notifications sent to them. Thread-safe. */
public interface PushSyncStore {

    /** Stores {@code device}, replacing one with the same identity and id. */
    void putDevice(StoredDevice device);

    /** The identity's device {@code deviceId}, if registered. */
    Optional<StoredDevice> device(IdentityId identityId, String deviceId);

    /** The identity's device with this platform and push token, if registered. */
    Optional<StoredDevice> device(IdentityId identityId, String platform, String token);

    /** Subscribes the device to the dataset (no-op when already subscribed). */
    void subscribe(DatasetKey dataset, String deviceId);

    /** Unsubscribes the device from the dataset (no-op when not subscribed). */
    void unsubscribe(DatasetKey dataset, String deviceId);

    /** Drops every subscription to the dataset. */
    void unsubscribeAll(DatasetKey dataset);

    /** The ids of the devices subscribed to the dataset, in subscription order. */
    List<String> subscribers(DatasetKey dataset);

    /** Records a notification sent. */
    void addNotification(StoredPushNotification notification);

    /** Every notification sent, oldest first. */
    List<StoredPushNotification> notifications();
}
