package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;

/**
 * An OpenID Connect token issued for an identity.
 *
 * @param identityId the identity the token is for
 * @param token the JWT-shaped token
 */
public record OpenIdToken(IdentityId identityId, String token) {
}
