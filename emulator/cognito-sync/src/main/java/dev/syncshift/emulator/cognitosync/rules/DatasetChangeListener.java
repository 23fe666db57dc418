package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Push;
import org.jspecify.annotations.Nullable;

/**
 * Told of every committed dataset change, inside the identity's lock and in commit order (Cognito Streams and push
 * sync hang here). Must not throw for a change that was already committed.
 */
public interface DatasetChangeListener {

    /** An UpdateRecords call wrote {@code push}. */
    void recordsUpdated(IdentityPoolId poolId, DatasetKey dataset, Push push, Caller caller,
            @Nullable String deviceId);

    /** A DeleteDataset call deleted the dataset. */
    default void datasetDeleted(IdentityPoolId poolId, DatasetKey dataset, Caller caller) {
    }
}
