package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.rules.IssuedCredentials;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The emulator-only answer of {@code GET /_syncshift/credentials/{AccessKeyId}} (not an AWS operation): issued
 * temporary credentials and their identity, for the local AppSync emulator's {@code --cognito-endpoint}.
 */
public record IssuedCredentialsResponse(
        String accessKeyId,
        String secretKey,
        String sessionToken,
        String identityId,
        String identityPoolId,
        String authType,
        @Nullable String authProvider,
        Instant expiration) {

    /** The wire form of {@code issued}. */
    public static IssuedCredentialsResponse of(IssuedCredentials issued) {
        var keys = issued.credentials();
        return new IssuedCredentialsResponse(keys.accessKeyId(), keys.secretKey(), keys.sessionToken(),
                keys.identityId().value(), keys.poolId().value(),
                issued.authenticated() ? "authenticated" : "unauthenticated", issued.authProvider(),
                keys.expiration());
    }
}
