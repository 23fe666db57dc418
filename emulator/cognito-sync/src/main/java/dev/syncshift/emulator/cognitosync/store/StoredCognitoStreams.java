package dev.syncshift.emulator.cognitosync.store;

import org.jspecify.annotations.Nullable;

/**
 * A pool's Cognito Streams settings ({@code CognitoStreams}), as requested and as stored.
 *
 * @param streamName the Kinesis stream updates go to
 * @param roleArn the role Cognito Sync assumes to write to it
 * @param streamingStatus {@code ENABLED} or {@code DISABLED}
 */
public record StoredCognitoStreams(@Nullable String streamName, @Nullable String roleArn,
        @Nullable String streamingStatus) {

    /** The status value that turns streaming on. */
    public static final String ENABLED = "ENABLED";

    /** Whether updates are streamed. */
    public boolean enabled() {
        return ENABLED.equals(streamingStatus) && streamName != null;
    }
}
