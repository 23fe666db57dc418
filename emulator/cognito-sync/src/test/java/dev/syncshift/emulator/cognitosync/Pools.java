package dev.syncshift.emulator.cognitosync;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/** Sets up pools and identities through the real Cognito Identity API, as a user of the service would. */
final class Pools {

    private Pools() {
    }

    /** A new pool that allows unauthenticated identities. */
    static String newPool(CognitoIdentityClient identity) {
        return identity.createIdentityPool(p -> p.identityPoolName("test pool").allowUnauthenticatedIdentities(true))
                .identityPoolId();
    }

    /** Temporary credentials of {@code identityId}, as a device would get them. */
    static AwsSessionCredentials credentialsOf(CognitoIdentityClient identity, String identityId) {
        Credentials issued = identity.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();
        return AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(), issued.sessionToken());
    }

    /** A new unauthenticated identity of {@code poolId}. */
    static String newIdentity(CognitoIdentityClient identity, String poolId) {
        return identity.getId(r -> r.identityPoolId(poolId)).identityId();
    }
}
