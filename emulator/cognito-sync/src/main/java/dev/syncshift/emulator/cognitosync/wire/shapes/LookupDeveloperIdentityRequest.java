package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.Nullable;

/** Cognito Identity LookupDeveloperIdentity's body. */
public record LookupDeveloperIdentityRequest(
        @Nullable String identityPoolId,
        @Nullable String identityId,
        @Nullable String developerUserIdentifier,
        @Nullable Integer maxResults,
        @Nullable String nextToken) {
}
