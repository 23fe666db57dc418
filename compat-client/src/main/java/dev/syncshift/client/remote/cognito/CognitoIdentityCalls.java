package dev.syncshift.client.remote.cognito;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.GetCredentialsForIdentityResponse;

/**
 * The two Cognito Identity operations {@link CognitoIdentityCredentials} makes for one pool, GetId and
 * GetCredentialsForIdentity (both unsigned), each failure translated into the client's exception, the SDK's as cause.
 */
final class CognitoIdentityCalls {

    private final CognitoIdentityClient identity;
    private final IdentityPoolId pool;

    CognitoIdentityCalls(CognitoIdentityClient identity, IdentityPoolId pool) {
        this.identity = identity;
        this.pool = pool;
    }

    /** GetId with the logins {@code presented} (empty: a new unauthenticated identity). */
    IdentityId getId(Map<String, String> presented) {
        return new IdentityId(call(() -> identity.getId(r -> r.identityPoolId(pool.value()).logins(presented))
                .identityId()));
    }

    /** GetCredentialsForIdentity of {@code id} with the logins {@code presented}. */
    GetCredentialsForIdentityResponse credentialsFor(IdentityId id, Map<String, String> presented) {
        return call(() -> identity.getCredentialsForIdentity(r -> r.identityId(id.value()).logins(presented)));
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw CognitoSyncErrors.translate("Failed to get credentials from Cognito Identity", e);
        }
    }
}
