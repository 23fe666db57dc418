package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.store.StoredPoolConfiguration;
import org.jspecify.annotations.Nullable;

/** GetIdentityPoolConfiguration's and SetIdentityPoolConfiguration's result (the same members). */
public record IdentityPoolConfigurationResponse(
        String identityPoolId, @Nullable PushSyncShape pushSync, @Nullable CognitoStreamsShape cognitoStreams) {

    /** The wire form of {@code configuration}. */
    public static IdentityPoolConfigurationResponse of(StoredPoolConfiguration configuration) {
        return new IdentityPoolConfigurationResponse(configuration.poolId().value(),
                PushSyncShape.of(configuration.pushSync()), CognitoStreamsShape.of(configuration.cognitoStreams()));
    }
}
