package dev.syncshift.emulator.cognitosync.wire.shapes;

/** Cognito Identity GetCredentialsForIdentity's result. */
public record GetCredentialsForIdentityResponse(String identityId, CredentialsShape credentials) {
}
