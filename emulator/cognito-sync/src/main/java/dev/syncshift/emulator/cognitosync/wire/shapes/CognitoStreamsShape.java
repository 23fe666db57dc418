package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.store.StoredCognitoStreams;
import org.jspecify.annotations.Nullable;

/** Cognito Sync {@code CognitoStreams}. */
public record CognitoStreamsShape(@Nullable String streamName, @Nullable String roleArn,
        @Nullable String streamingStatus) {

    /** The wire form of {@code streams}, null when absent. */
    public static @Nullable CognitoStreamsShape of(@Nullable StoredCognitoStreams streams) {
        return streams == null ? null
                : new CognitoStreamsShape(streams.streamName(), streams.roleArn(), streams.streamingStatus());
    }

    /** The settings this shape asks for. */
    public StoredCognitoStreams toStored() {
        return new StoredCognitoStreams(streamName, roleArn, streamingStatus);
    }
}
