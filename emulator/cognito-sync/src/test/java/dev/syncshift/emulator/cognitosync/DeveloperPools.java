package dev.syncshift.emulator.cognitosync;

import java.util.Map;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/** Sets up pools with a developer provider and their developer-authenticated identities, through the real API. */
final class DeveloperPools {

    private DeveloperPools() {
    }

    /** A new pool with developer provider {@code provider} that allows unauthenticated identities. */
    static String newPool(CognitoIdentityClient identity, String provider) {
        return identity.createIdentityPool(p -> p.identityPoolName("developer pool")
                .allowUnauthenticatedIdentities(true).developerProviderName(provider)).identityPoolId();
    }

    /** The identity of developer user {@code user}, created on first use, as a developer's backend gets it. */
    static String developerIdentity(CognitoIdentityClient identity, String poolId, String provider, String user) {
        return identity.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(poolId)
                .logins(Map.of(provider, user))).identityId();
    }
}
