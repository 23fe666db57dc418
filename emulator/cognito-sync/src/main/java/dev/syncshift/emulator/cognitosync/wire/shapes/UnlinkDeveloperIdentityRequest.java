package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.Nullable;

/** Cognito Identity UnlinkDeveloperIdentity's body. */
public record UnlinkDeveloperIdentityRequest(
        @Nullable String identityId,
        @Nullable String identityPoolId,
        @Nullable String developerProviderName,
        @Nullable String developerUserIdentifier) {
}
