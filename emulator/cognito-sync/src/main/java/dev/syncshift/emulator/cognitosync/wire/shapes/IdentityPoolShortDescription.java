package dev.syncshift.emulator.cognitosync.wire.shapes;

/** Cognito Identity {@code IdentityPoolShortDescription}. */
public record IdentityPoolShortDescription(String identityPoolId, String identityPoolName) {
}
