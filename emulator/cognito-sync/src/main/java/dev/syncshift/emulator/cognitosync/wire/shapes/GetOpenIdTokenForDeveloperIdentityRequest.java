package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Cognito Identity GetOpenIdTokenForDeveloperIdentity's body (PrincipalTags are accepted and ignored). */
public record GetOpenIdTokenForDeveloperIdentityRequest(
        @Nullable String identityPoolId,
        @Nullable String identityId,
        @Nullable Map<String, String> logins,
        @Nullable Map<String, String> principalTags,
        @Nullable Long tokenDuration) {
}
