package dev.syncshift.emulator.cognitosync;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/** Sets up pools and identities through the real Cognito Identity API, as a user of the service would. */
final class Pools {

    private Pools() {
    }

    /** A new pool that allows unauthenticated identities. */
    static String newPool(CognitoIdentityClient identity) {
        return identity.createIdentityPool(p -> p.identityPoolName("test pool").allowUnauthenticatedIdentities(true))
                .identityPoolId();
    }

    /** A new unauthenticated identity of {@code poolId}. */
    static String newIdentity(CognitoIdentityClient identity, String poolId) {
        return identity.getId(r -> r.identityPoolId(poolId)).identityId();
    }
}
