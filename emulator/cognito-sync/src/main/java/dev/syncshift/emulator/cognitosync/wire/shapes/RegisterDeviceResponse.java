package dev.syncshift.emulator.cognitosync.wire.shapes;

/** RegisterDevice's result. */
public record RegisterDeviceResponse(String deviceId) {
}
