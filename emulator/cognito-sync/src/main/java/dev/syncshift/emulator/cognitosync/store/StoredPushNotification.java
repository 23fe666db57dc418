package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityPoolId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A silent push notification Cognito Sync sent (through SNS) to a subscribed device after a dataset changed
 * (docs/cognito-sync.md#usage-push-sync-and-streams).
 *
 * @param device the device notified
 * @param applicationArn the SNS platform application it went through
 * @param poolId the identity pool
 * @param dataset the dataset that changed
 * @param syncCount the dataset's sync count after the change
 */
public record StoredPushNotification(StoredDevice device, String applicationArn, IdentityPoolId poolId,
        DatasetKey dataset, long syncCount) {

    /** The notification's data: {@code source, identityPoolId, identityId, datasetName, syncCount}, in order. */
    public Map<String, String> payload() {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("source", "cognito-sync");
        payload.put("identityPoolId", poolId.value());
        payload.put("identityId", dataset.identityId().value());
        payload.put("datasetName", dataset.datasetName().value());
        payload.put("syncCount", Long.toString(syncCount));
        return payload;
    }
}
