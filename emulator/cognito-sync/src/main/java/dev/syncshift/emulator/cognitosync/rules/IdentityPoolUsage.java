package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityPoolId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A pool's usage (Cognito Sync {@code IdentityPoolUsage}).
 *
 * @param poolId the pool
 * @param syncSessionsCount the SyncSessionTokens ListRecords issued for the pool
 * @param dataStorage UTF-8 bytes of the keys and values of every existing dataset of the pool
 * @param lastModifiedDate the latest change of any of its datasets, null if none was ever written
 */
public record IdentityPoolUsage(IdentityPoolId poolId, long syncSessionsCount, long dataStorage,
        @Nullable Instant lastModifiedDate) {
}
