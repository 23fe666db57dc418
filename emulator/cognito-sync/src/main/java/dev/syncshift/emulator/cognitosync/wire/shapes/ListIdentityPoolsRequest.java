package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.Nullable;

/** Cognito Identity ListIdentityPools' body. */
public record ListIdentityPoolsRequest(@Nullable Integer maxResults, @Nullable String nextToken) {
}
