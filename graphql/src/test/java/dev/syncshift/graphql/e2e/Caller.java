package dev.syncshift.graphql.e2e;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Someone holding credentials of the emulator's registry ({@link SyncshiftApi#CREDENTIALS}).
 *
 * @param name how tests call it
 * @param accessKeyId the access key
 * @param secretAccessKey the secret it signs with (a wrong one for callers that must be refused)
 * @param identityId the Cognito identity the credentials stand for, or null for a plain IAM role
 */
record Caller(String name, String accessKeyId, String secretAccessKey, @Nullable String identityId) {

    AwsCredentialsIdentity credentials() {
        return AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
    }

    /** The same access key signing with another secret. */
    Caller withWrongSecret() {
        return new Caller(name + " with a wrong secret", accessKeyId, secretAccessKey + "-wrong", identityId);
    }

    @Override
    public String toString() {
        return name;
    }
}
