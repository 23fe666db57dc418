package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.rules.IdentityPoolUsage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Cognito Sync {@code IdentityPoolUsage}. */
public record IdentityPoolUsageShape(
        String identityPoolId, long syncSessionsCount, long dataStorage, @Nullable Instant lastModifiedDate) {

    /** The wire form of {@code usage}. */
    public static IdentityPoolUsageShape of(IdentityPoolUsage usage) {
        return new IdentityPoolUsageShape(usage.poolId().value(), usage.syncSessionsCount(), usage.dataStorage(),
                usage.lastModifiedDate());
    }
}
