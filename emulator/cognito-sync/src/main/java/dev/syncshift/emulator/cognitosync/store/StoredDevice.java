package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;

/**
 * A device registered for push sync (RegisterDevice).
 *
 * @param deviceId the id Cognito Sync handed out
 * @param poolId the identity's pool
 * @param identityId the identity the device belongs to
 * @param platform {@code APNS}, {@code APNS_SANDBOX}, {@code GCM} or {@code ADM}
 * @param token the device's push token
 */
public record StoredDevice(String deviceId, IdentityPoolId poolId, IdentityId identityId, String platform,
        String token) {
}
