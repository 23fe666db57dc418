package dev.syncshift.migrator.target;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.RecordKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change made on both sides since the last pass, and how the policy settled it.
 *
 * @param dataset the dataset
 * @param key the record, or null for a dataset-level conflict (deleted on one side, changed on the other)
 * @param cognitoWon whether Cognito's side was applied
 * @param cognitoDate when Cognito's side changed, or null when Cognito does not say
 * @param appSyncDate when AppSync's side changed
 * @param reason what happened, in words
 */
public record Conflict(DatasetName dataset, @Nullable RecordKey key, boolean cognitoWon, @Nullable Instant cognitoDate,
        Instant appSyncDate, String reason) {
}
