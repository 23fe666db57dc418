package dev.syncshift.emulator.cognitosync.wire.shapes;

/** Cognito Identity MergeDeveloperIdentities' result: the surviving identity. */
public record MergeDeveloperIdentitiesResponse(String identityId) {
}
