package dev.syncshift.emulator.cognitosync.wire.shapes;

/** Cognito Identity's UnprocessedIdentityId: an identity DeleteIdentities could not delete, and why. */
public record UnprocessedIdentityIdShape(String identityId, String errorCode) {
}
