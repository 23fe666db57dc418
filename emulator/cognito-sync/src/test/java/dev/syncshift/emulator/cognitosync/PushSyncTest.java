package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.PoolConfigurationTest.APNS_APP;
import static dev.syncshift.emulator.cognitosync.PoolConfigurationTest.GCM_APP;
import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.store.StoredPushNotification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Platform;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/**
 * RegisterDevice, SubscribeToDataset, UnsubscribeFromDataset through the real SDK signed with an identity's
 * temporary credentials, and the push notifications subscribed devices get.
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class PushSyncTest {

    private final CognitoSyncClient developer;
    private final CognitoIdentityClient identity;
    private final CognitoSyncEmulator emulator;
    private String pool;
    private String identityId;
    private CognitoSyncClient device;
    private SyncDataset dataset;

    PushSyncTest(CognitoSyncClient developer, CognitoIdentityClient identity, CognitoSyncEmulator emulator) {
        this.developer = developer;
        this.identity = identity;
        this.emulator = emulator;
    }

    @BeforeEach
    void pushSyncConfigured() {
        pool = Pools.newPool(identity);
        identityId = Pools.newIdentity(identity, pool);
        developer.setIdentityPoolConfiguration(r -> r.identityPoolId(pool)
                .pushSync(p -> p.applicationArns(GCM_APP, APNS_APP)));
        device = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(), Pools.credentialsOf(identity,
                identityId));
        dataset = new SyncDataset(device, pool, identityId, "prefs");
        dataset.push(replace("color", "blue", 0));
    }

    @Test
    void registeringTheSameTokenAgainGivesTheSameDevice() {
        String first = register(Platform.GCM, "token-1");

        String again = register(Platform.GCM, "token-1");
        String other = register(Platform.GCM, "token-2");

        assertThat(first).isNotBlank().hasSizeLessThanOrEqualTo(256);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aSubscribedDeviceIsNotifiedOfEachUpdate() {
        String phone = register(Platform.GCM, "phone-token");
        subscribe(phone);

        dataset.push(replace("color", "red", 1));
        dataset.push(replace("color", "green", 2));

        List<StoredPushNotification> sent = notificationsOf(phone);
        assertThat(sent).extracting(StoredPushNotification::payload).containsExactly(
                payload(2), payload(3));
        assertThat(sent.get(0).applicationArn()).isEqualTo(GCM_APP);
        assertThat(sent.get(0).device().token()).isEqualTo("phone-token");
        assertThat(sent.get(0).device().platform()).isEqualTo("GCM");
    }

    @Test
    void theWritingDeviceIsNotNotified() {
        String phone = register(Platform.GCM, "phone-token");
        String tablet = register(Platform.APNS, "tablet-token");
        subscribe(phone);
        subscribe(tablet);

        String token = dataset.list(0).syncSessionToken();
        device.updateRecords(r -> r.identityPoolId(pool).identityId(identityId).datasetName("prefs")
                .deviceId(phone).syncSessionToken(token).recordPatches(replace("color", "red", 1)));

        assertThat(notificationsOf(phone)).isEmpty();
        assertThat(notificationsOf(tablet)).extracting(StoredPushNotification::payload).containsExactly(payload(2));
        assertThat(notificationsOf(tablet).get(0).applicationArn()).isEqualTo(APNS_APP);
    }

    @Test
    void anUnsubscribedDeviceIsNoLongerNotifiedAndUnsubscribingTwiceIsFine() {
        String phone = register(Platform.GCM, "phone-token");
        subscribe(phone);

        unsubscribe(phone);
        unsubscribe(phone);
        dataset.push(replace("color", "red", 1));

        assertThat(notificationsOf(phone)).isEmpty();
    }

    @Test
    void unsubscribingADeviceThatNeverSubscribedIsFine() {
        String phone = register(Platform.GCM, "phone-token");

        unsubscribe(phone);

        assertThat(notificationsOf(phone)).isEmpty();
    }

    @Test
    void deletingTheDatasetDropsItsSubscriptions() {
        String phone = register(Platform.GCM, "phone-token");
        subscribe(phone);

        dataset.delete();
        dataset.push(replace("color", "red", 0));

        assertThat(notificationsOf(phone)).isEmpty();
    }

    @Test
    void subscriptionsArePerDataset() {
        String phone = register(Platform.GCM, "phone-token");
        subscribe(phone);

        dataset.other("scores").push(replace("best", "1", 0));

        assertThat(notificationsOf(phone)).isEmpty();
    }

    @Test
    void oneWriteIsBothStreamedAndPushedWithTheSameSyncCount() {
        String phone = register(Platform.GCM, "phone-token");
        subscribe(phone);
        String stream = "push-and-stream-" + pool;
        developer.setIdentityPoolConfiguration(r -> r.identityPoolId(pool).cognitoStreams(s -> s.streamName(stream)
                .roleArn(PoolConfigurationTest.ROLE).streamingStatus(StreamingStatus.ENABLED)));

        dataset.push(replace("color", "red", 1));

        List<String> streamed = emulator.streamRecords(stream);
        assertThat(streamed).hasSize(1);
        assertThat(StreamsFixture.json(streamed.get(0)).get("syncCount").asLong()).isEqualTo(2);
        assertThat(notificationsOf(phone)).extracting(StoredPushNotification::payload).containsExactly(payload(2));
    }

    private String register(Platform platform, String token) {
        return device.registerDevice(r -> r.identityPoolId(pool).identityId(identityId).platform(platform)
                .token(token)).deviceId();
    }

    private void subscribe(String deviceId) {
        device.subscribeToDataset(r -> r.identityPoolId(pool).identityId(identityId).datasetName("prefs")
                .deviceId(deviceId));
    }

    private void unsubscribe(String deviceId) {
        device.unsubscribeFromDataset(r -> r.identityPoolId(pool).identityId(identityId).datasetName("prefs")
                .deviceId(deviceId));
    }

    private List<StoredPushNotification> notificationsOf(String deviceId) {
        return emulator.pushNotifications().stream()
                .filter(notification -> notification.device().deviceId().equals(deviceId)).toList();
    }

    private Map<String, String> payload(long syncCount) {
        return Map.of("source", "cognito-sync", "identityPoolId", pool, "identityId", identityId,
                "datasetName", "prefs", "syncCount", Long.toString(syncCount));
    }
}
