package dev.syncshift.emulator.cognitosync.store;

import java.time.Instant;

/**
 * Temporary credentials STS issued for a role (AssumeRole, AssumeRoleWithWebIdentity): they act as a developer of
 * the emulator's account, whatever the role is (the emulator has no IAM policies).
 *
 * @param accessKeyId the access key id ({@code ASIA...})
 * @param secretKey the secret key
 * @param sessionToken the session token
 * @param roleArn the role assumed
 * @param sessionName the role session's name
 * @param expiration when they stop working
 */
public record StoredRoleSession(
        String accessKeyId,
        String secretKey,
        String sessionToken,
        String roleArn,
        String sessionName,
        Instant expiration) {
}
