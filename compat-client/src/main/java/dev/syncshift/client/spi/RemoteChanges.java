package dev.syncshift.client.spi;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.Record;
import dev.syncshift.core.SyncCount;
import java.util.List;

/**
 * What a pull (ListRecords, every page) returned.
 *
 * @param records the records changed after the requested count, tombstones included
 * @param datasetSyncCount the dataset's count as the service reported it (zero when it does not exist)
 * @param exists whether the dataset exists now
 * @param deletedAfterRequestedSyncCount whether it was deleted after the requested count (maybe re-created since)
 * @param mergedDatasetNames datasets named {@code <name>.<identityId>} an identity merge left, each once (Cognito
 *     Sync lists them on every page of ListRecords)
 */
public record RemoteChanges(List<Record> records, SyncCount datasetSyncCount, boolean exists,
        boolean deletedAfterRequestedSyncCount, List<DatasetName> mergedDatasetNames) {

    /** Copies the lists; a merged dataset's name given twice is kept once. */
    public RemoteChanges {
        records = List.copyOf(records);
        mergedDatasetNames = mergedDatasetNames.stream().distinct().toList();
    }
}
