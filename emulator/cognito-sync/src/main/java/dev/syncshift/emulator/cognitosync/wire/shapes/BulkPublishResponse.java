package dev.syncshift.emulator.cognitosync.wire.shapes;

/** BulkPublish's result. */
public record BulkPublishResponse(String identityPoolId) {
}
