package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityPoolId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What Cognito Sync keeps per identity pool besides its data: push sync, Cognito Streams and Cognito Events.
 *
 * @param poolId the pool
 * @param pushSync push sync settings, null until set
 * @param cognitoStreams Cognito Streams settings, null until set
 * @param events event type (SyncTrigger) to Lambda function ARN
 */
public record StoredPoolConfiguration(
        IdentityPoolId poolId,
        @Nullable StoredPushSync pushSync,
        @Nullable StoredCognitoStreams cognitoStreams,
        Map<String, String> events) {

    /** Copies the map. */
    public StoredPoolConfiguration {
        events = Map.copyOf(events);
    }

    /** A pool nothing was configured for. */
    public static StoredPoolConfiguration empty(IdentityPoolId poolId) {
        return new StoredPoolConfiguration(poolId, null, null, Map.of());
    }

    /** This configuration with {@code next} as its events. */
    public StoredPoolConfiguration withEvents(Map<String, String> next) {
        return new StoredPoolConfiguration(poolId, pushSync, cognitoStreams, next);
    }

    /** Whether updates of the pool are streamed. */
    public boolean streaming() {
        return cognitoStreams != null && cognitoStreams.enabled();
    }
}
