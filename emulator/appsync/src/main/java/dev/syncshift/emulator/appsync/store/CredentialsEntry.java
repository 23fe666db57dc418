package dev.syncshift.emulator.appsync.store;

import org.jspecify.annotations.Nullable;

/**
 * One access key the emulator accepts, and whom it stands for: either a Cognito identity (the
 * {@code cognito*} fields set) or a plain IAM role ({@code roleArn} set, Cognito fields null).
 *
 * @param accessKeyId the access key id clients sign with
 * @param secretAccessKey the secret used to recompute signatures
 * @param sessionToken the session token clients must send, or null for long-term keys
 * @param accountId the AWS account id shown in {@code ctx.identity.accountId}
 * @param roleArn the IAM role the key belongs to (for Cognito identities: the pool's auth or unauth role)
 * @param sessionName the role session name used to build {@code userArn} and {@code username}
 * @param cognitoIdentityId the Cognito identity id, or null for a plain role
 * @param cognitoIdentityPoolId the identity pool id, or null for a plain role
 * @param cognitoIdentityAuthType {@code authenticated} or {@code unauthenticated}, or null for a plain role
 * @param cognitoIdentityAuthProvider the login provider string, or null
 */
public record CredentialsEntry(
        String accessKeyId,
        String secretAccessKey,
        @Nullable String sessionToken,
        String accountId,
        @Nullable String roleArn,
        String sessionName,
        @Nullable String cognitoIdentityId,
        @Nullable String cognitoIdentityPoolId,
        @Nullable String cognitoIdentityAuthType,
        @Nullable String cognitoIdentityAuthProvider) {

    /** Checks the required fields. */
    public CredentialsEntry {
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("accessKeyId and secretAccessKey are required");
        }
        if (cognitoIdentityId != null && cognitoIdentityPoolId == null) {
            throw new IllegalArgumentException("cognitoIdentityPoolId is required with cognitoIdentityId");
        }
    }
}
