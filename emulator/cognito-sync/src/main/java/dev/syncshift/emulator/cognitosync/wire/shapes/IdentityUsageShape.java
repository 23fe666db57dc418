package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.rules.IdentityUsage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Cognito Sync {@code IdentityUsage}. */
public record IdentityUsageShape(
        String identityId, String identityPoolId, @Nullable Instant lastModifiedDate, int datasetCount,
        long dataStorage) {

    /** The wire form of {@code usage}. */
    public static IdentityUsageShape of(IdentityUsage usage) {
        return new IdentityUsageShape(usage.identityId().value(), usage.poolId().value(), usage.lastModifiedDate(),
                usage.datasetCount(), usage.dataStorage());
    }
}
