package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.Nullable;

/** SetIdentityPoolConfiguration's body. */
public record SetIdentityPoolConfigurationRequest(
        @Nullable PushSyncShape pushSync, @Nullable CognitoStreamsShape cognitoStreams) {
}
