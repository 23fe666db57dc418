package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.Nullable;

/** Cognito Identity ListIdentities' body. */
public record ListIdentitiesRequest(
        @Nullable String identityPoolId, @Nullable Integer maxResults, @Nullable String nextToken,
        @Nullable Boolean hideDisabled) {
}
