package dev.syncshift.graphql.e2e;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Someone holding credentials of the emulator's registry ({@link SyncshiftApi#CREDENTIALS}).
 *
 * @param name how tests call it
 * @param accessKeyId the access key
 * @param secretAccessKey the secret it signs with (a wrong one for callers that must be refused)
 * @param sessionToken the session token of temporary credentials (as Cognito Identity issues them), or null
 * @param identityId the Cognito identity the credentials stand for, or null for a plain IAM role
 */
record Caller(String name, String accessKeyId, String secretAccessKey, @Nullable String sessionToken,
        @Nullable String identityId) {

    AwsCredentialsIdentity credentials() {
        return sessionToken == null ? AwsCredentialsIdentity.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken);
    }

    /** The same access key signing with another secret. */
    Caller withWrongSecret() {
        return new Caller(name + " with a wrong secret", accessKeyId, secretAccessKey + "-wrong", sessionToken,
                identityId);
    }

    /** The same keys without their session token. */
    Caller withoutSessionToken() {
        return new Caller(name + " without its session token", accessKeyId, secretAccessKey, null, identityId);
    }

    @Override
    public String toString() {
        return name;
    }
}
