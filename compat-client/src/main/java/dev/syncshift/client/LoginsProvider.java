package dev.syncshift.client;

import java.util.Map;

/**
 * Where a signed-in device's logins come from when their tokens expire, in place of fixed {@code logins}. Most
 * identity providers' tokens outlive the device's AWS credentials by little or nothing (a Cognito user pool's or
 * Google's ID token lasts an hour, a developer-authenticated identity's OpenID token 15 minutes by default), while
 * the credentials are fetched again about every hour with the logins: fixed logins then fail with
 * {@code NotAuthorizedException} "Invalid login token. Token expired". The client calls the provider each time it
 * asks Cognito Identity for the identity or for credentials (GetId, GetCredentialsForIdentity), never more, so a
 * provider may ask a sign-in library or the app's backend for a fresh token. It takes the place of AWS's
 * {@code AWSAbstractCognitoDeveloperIdentityProvider.refresh()}.
 */
@FunctionalInterface
public interface LoginsProvider {

    /**
     * The logins to present now.
     *
     * @return provider name to a token valid now; empty for an unauthenticated identity
     * @throws RuntimeException when no token can be had; the synchronize that needed it ends in
     *     {@link SyncCallback#onFailure} with it as the cause
     */
    Map<String, String> logins();
}
