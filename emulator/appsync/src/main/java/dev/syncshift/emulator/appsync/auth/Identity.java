package dev.syncshift.emulator.appsync.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The caller as {@code ctx.identity} shows it for AWS_IAM (AWS docs
 * {@code resolver-context-reference-js.html}): Cognito fields are null for a
 * plain role.
 *
 * @param accountId the account
 * @param cognitoIdentityId the Cognito identity id, or null
 * @param cognitoIdentityPoolId the identity pool id, or null
 * @param cognitoIdentityAuthType {@code authenticated} / {@code unauthenticated}, or null
 * @param cognitoIdentityAuthProvider the login provider, or null
 * @param userArn the assumed-role ARN
 * @param username {@code <role id>:<session>}
 * @param sourceIp the caller's addresses
 */
public record Identity(
        String accountId,
        @Nullable String cognitoIdentityId,
        @Nullable String cognitoIdentityPoolId,
        @Nullable String cognitoIdentityAuthType,
        @Nullable String cognitoIdentityAuthProvider,
        String userArn,
        String username,
        List<String> sourceIp) {

    /** Copies the list. */
    public Identity {
        sourceIp = List.copyOf(sourceIp);
    }

    /**
     * The identity as {@code ctx.identity} shows it, keys in alphabetical order.
     *
     * @return a new map
     */
    public Map<String, @Nullable Object> toMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("accountId", accountId);
        map.put("cognitoIdentityAuthProvider", cognitoIdentityAuthProvider);
        map.put("cognitoIdentityAuthType", cognitoIdentityAuthType);
        map.put("cognitoIdentityId", cognitoIdentityId);
        map.put("cognitoIdentityPoolId", cognitoIdentityPoolId);
        map.put("sourceIp", sourceIp);
        map.put("userArn", userArn);
        map.put("username", username);
        return map;
    }
}
