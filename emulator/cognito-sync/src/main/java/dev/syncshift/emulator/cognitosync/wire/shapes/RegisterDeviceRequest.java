package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.Nullable;

/** RegisterDevice's body: Platform and Token are required. */
public record RegisterDeviceRequest(@Nullable String platform, @Nullable String token) {
}
