package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An identity's usage (Cognito Sync {@code IdentityUsage}).
 *
 * @param identityId the identity
 * @param poolId its pool
 * @param lastModifiedDate the latest change of any of its datasets, null if none was ever written
 * @param datasetCount its existing datasets
 * @param dataStorage UTF-8 bytes of the keys and values of its existing datasets
 */
public record IdentityUsage(IdentityId identityId, IdentityPoolId poolId, @Nullable Instant lastModifiedDate,
        int datasetCount, long dataStorage) {
}
