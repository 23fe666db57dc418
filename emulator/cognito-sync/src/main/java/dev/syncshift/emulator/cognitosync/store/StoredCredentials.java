package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.time.Instant;

/**
 * Temporary credentials issued by GetCredentialsForIdentity.
 *
 * @param accessKeyId the access key id ({@code ASIA...})
 * @param secretKey the secret key
 * @param sessionToken the session token
 * @param identityId the identity they act as
 * @param poolId the identity's pool
 * @param expiration when they stop working
 */
public record StoredCredentials(
        String accessKeyId,
        String secretKey,
        String sessionToken,
        IdentityId identityId,
        IdentityPoolId poolId,
        Instant expiration) {
}
