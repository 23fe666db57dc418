package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.rules.IssuedCredentials;
import dev.syncshift.emulator.cognitosync.store.StoredRoleSession;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The emulator-only answer of {@code GET /_syncshift/credentials/{AccessKeyId}} (not an AWS operation): live
 * temporary credentials issued here and whom they act for, for the local AppSync emulator's
 * {@code --cognito-endpoint}. Either a Cognito identity's (GetCredentialsForIdentity: the identity, pool and auth
 * type set) or a role session's (STS: {@code RoleArn} and {@code RoleSessionName} set, the identity's fields null).
 */
public record IssuedCredentialsResponse(
        String accessKeyId,
        String secretKey,
        String sessionToken,
        @Nullable String identityId,
        @Nullable String identityPoolId,
        @Nullable String authType,
        @Nullable String authProvider,
        @Nullable String roleArn,
        @Nullable String roleSessionName,
        Instant expiration) {

    /** The wire form of {@code issued}. */
    public static IssuedCredentialsResponse of(IssuedCredentials issued) {
        var keys = issued.credentials();
        return new IssuedCredentialsResponse(keys.accessKeyId(), keys.secretKey(), keys.sessionToken(),
                keys.identityId().value(), keys.poolId().value(),
                issued.authenticated() ? "authenticated" : "unauthenticated", issued.authProvider(), null, null,
                keys.expiration());
    }

    /** The wire form of a role session. */
    public static IssuedCredentialsResponse of(StoredRoleSession session) {
        return new IssuedCredentialsResponse(session.accessKeyId(), session.secretKey(), session.sessionToken(),
                null, null, null, null, session.roleArn(), session.sessionName(), session.expiration());
    }
}
