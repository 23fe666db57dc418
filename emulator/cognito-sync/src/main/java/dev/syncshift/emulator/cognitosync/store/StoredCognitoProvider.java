package dev.syncshift.emulator.cognitosync.store;

import org.jspecify.annotations.Nullable;

/**
 * One Amazon Cognito user pool an identity pool trusts ({@code CognitoIdentityProvider}).
 *
 * @param providerName the user pool's provider name
 * @param clientId the app client id
 * @param serverSideTokenCheck whether tokens are checked with the user pool on each use
 */
public record StoredCognitoProvider(String providerName, String clientId, @Nullable Boolean serverSideTokenCheck) {
}
