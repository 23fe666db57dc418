package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Record;
import dev.syncshift.core.SyncCount;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of ListRecords.
 *
 * @param records the records changed after the requested count, tombstones included
 * @param nextToken where the next page starts, null on the last page
 * @param datasetSyncCount the dataset's count, read before the records
 * @param lastModifiedBy who last changed the dataset, null if it does not exist
 * @param mergedDatasetNames merged copies still to be reported, null if none
 * @param datasetExists whether the dataset exists now
 * @param deletedAfterRequestedSyncCount whether it was deleted after the requested count
 * @param syncSessionToken the token for a following UpdateRecords
 */
public record RecordsPage(
        List<Record> records,
        @Nullable String nextToken,
        SyncCount datasetSyncCount,
        @Nullable String lastModifiedBy,
        @Nullable List<String> mergedDatasetNames,
        boolean datasetExists,
        boolean deletedAfterRequestedSyncCount,
        String syncSessionToken) {
}
