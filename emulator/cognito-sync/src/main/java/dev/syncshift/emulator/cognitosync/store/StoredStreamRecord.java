package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Record;
import java.time.Instant;
import java.util.List;

/**
 * One record Cognito Streams put on a Kinesis stream: one per UpdateRecords, one per dataset of a bulk publish, one
 * per DeleteDataset (docs/cognito-sync.md#usage-push-sync-and-streams).
 *
 * @param streamName the stream it went to
 * @param poolId the identity pool
 * @param dataset the dataset
 * @param operation {@code replace} (records written) or {@code remove} (dataset deleted)
 * @param records the records carried, tombstones included; empty for a deletion
 * @param lastModifiedDate when the dataset changed
 * @param syncCount the dataset's sync count after the change
 */
public record StoredStreamRecord(
        String streamName,
        IdentityPoolId poolId,
        DatasetKey dataset,
        String operation,
        List<Record> records,
        Instant lastModifiedDate,
        long syncCount) {

    /** Copies the list. */
    public StoredStreamRecord {
        records = List.copyOf(records);
    }
}
