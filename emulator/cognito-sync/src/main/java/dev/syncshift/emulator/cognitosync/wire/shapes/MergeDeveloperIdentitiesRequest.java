package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.Nullable;

/** Cognito Identity MergeDeveloperIdentities' body. */
public record MergeDeveloperIdentitiesRequest(
        @Nullable String sourceUserIdentifier,
        @Nullable String destinationUserIdentifier,
        @Nullable String developerProviderName,
        @Nullable String identityPoolId) {
}
