package dev.syncshift.emulator.cognitosync.wire.shapes;

/** Cognito Identity GetId's result. */
public record GetIdResponse(String identityId) {
}
