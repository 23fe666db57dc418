package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Push;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.PoolConfigurationStore;
import dev.syncshift.emulator.cognitosync.store.PushSyncStore;
import dev.syncshift.emulator.cognitosync.store.StoredDataset;
import dev.syncshift.emulator.cognitosync.store.StoredDevice;
import dev.syncshift.emulator.cognitosync.store.StoredPoolConfiguration;
import dev.syncshift.emulator.cognitosync.store.StoredPushNotification;
import dev.syncshift.emulator.cognitosync.store.StoredPushSync;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RegisterDevice, SubscribeToDataset and UnsubscribeFromDataset (docs/cognito-sync.md#usage-push-sync-and-streams),
 * Cognito credentials only, and the push notifications they lead to: after each UpdateRecords every device
 * subscribed to the dataset, except the one that wrote (UpdateRecords' DeviceId), gets one notification through the
 * pool's SNS application of its platform. Deleting a dataset drops its subscriptions.
 */
public final class PushSyncRules implements DatasetChangeListener {

    /** The platforms RegisterDevice accepts. */
    public static final List<String> PLATFORMS = List.of("APNS", "APNS_SANDBOX", "GCM", "ADM");

    private final PushSyncStore store;
    private final PoolConfigurationStore configurations;
    private final DatasetStore datasets;
    private final IdentityRules identities;
    private final IdGenerator ids;

    /** Rules over {@code store}; devices get ids from {@code ids}. */
    public PushSyncRules(PushSyncStore store, PoolConfigurationStore configurations, DatasetStore datasets,
            IdentityRules identities, IdGenerator ids) {
        this.store = store;
        this.configurations = configurations;
        this.datasets = datasets;
        this.identities = identities;
        this.ids = ids;
    }

    /** RegisterDevice: the device's id, the same for the same identity, platform and token. */
    public StoredDevice registerDevice(Caller caller, IdentityPoolId poolId, IdentityId identityId,
            @Nullable String platform, @Nullable String token) {
        Access.checkCognito(caller);
        String devicePlatform = Constraints.required("platform", platform);
        EnumValues.check("platform", devicePlatform, PLATFORMS);
        String pushToken = Constraints.required("token", token);
        Access.checkIdentity(caller, identities.requireIdentityInPool(poolId, identityId));
        applicationArn(poolId, devicePlatform);
        return datasets.locked(identityId, () -> store.device(identityId, devicePlatform, pushToken).orElseGet(() -> {
            StoredDevice device = new StoredDevice(ids.uuid(), poolId, identityId, devicePlatform, pushToken);
            store.putDevice(device);
            return device;
        }));
    }

    /** SubscribeToDataset: the device will be told of the dataset's changes. */
    public void subscribeToDataset(Caller caller, IdentityPoolId poolId, DatasetKey key, String deviceId) {
        StoredDevice device = checkSubscription(caller, poolId, key, deviceId);
        applicationArn(poolId, device.platform());
        datasets.locked(key.identityId(), () -> {
            requireDataset(key);
            store.subscribe(key, deviceId);
            return deviceId;
        });
    }

    /** UnsubscribeFromDataset: the device will no longer be told; unsubscribing twice is not an error. */
    public void unsubscribeFromDataset(Caller caller, IdentityPoolId poolId, DatasetKey key, String deviceId) {
        checkSubscription(caller, poolId, key, deviceId);
        datasets.locked(key.identityId(), () -> {
            requireDataset(key);
            store.unsubscribe(key, deviceId);
            return deviceId;
        });
    }

    @Override
    public void recordsUpdated(IdentityPoolId poolId, DatasetKey dataset, Push push, Caller caller,
            @Nullable String deviceId) {
        StoredPushSync pushSync = configurations.configuration(poolId).map(StoredPoolConfiguration::pushSync)
                .orElse(null);
        if (pushSync == null) {
            return;
        }
        long syncCount = push.snapshot().syncCount().value();
        store.subscribers(dataset).stream()
                .filter(subscriber -> !subscriber.equals(deviceId))
                .flatMap(subscriber -> store.device(dataset.identityId(), subscriber).stream())
                .forEach(device -> pushSync.applicationArn(device.platform()).ifPresent(arn -> store.addNotification(
                        new StoredPushNotification(device, arn, poolId, dataset, syncCount))));
    }

    @Override
    public void datasetDeleted(IdentityPoolId poolId, DatasetKey dataset, Caller caller) {
        store.unsubscribeAll(dataset);
    }

    private StoredDevice checkSubscription(Caller caller, IdentityPoolId poolId, DatasetKey key, String deviceId) {
        Access.checkCognito(caller);
        Constraints.length("deviceId", deviceId, 1, 256);
        Access.checkIdentity(caller, identities.requireIdentityInPool(poolId, key.identityId()));
        return store.device(key.identityId(), deviceId).orElseThrow(
                () -> new ResourceNotFoundException("Device '" + deviceId + "' not found."));
    }

    private void requireDataset(DatasetKey key) {
        datasets.find(key).filter(StoredDataset::exists).orElseThrow(
                () -> new ResourceNotFoundException("Dataset '" + key.datasetName() + "' not found."));
    }

    private String applicationArn(IdentityPoolId poolId, String platform) {
        return configurations.configuration(poolId).map(StoredPoolConfiguration::pushSync)
                .flatMap(pushSync -> pushSync.applicationArn(platform))
                .orElseThrow(() -> new InvalidConfigurationException("Push sync is not configured for platform "
                        + platform + " in identity pool '" + poolId + "'."));
    }
}
