package dev.syncshift.migrator.source;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What ListRecords answered for one dataset after {@code lastSyncCount}, all pages read: the latest version of each
 * record changed after it, tombstones included.
 *
 * @param lastSyncCount the count the records were asked after
 * @param records the records by key (a record changed while the pages were read appears once, newest)
 * @param datasetSyncCount the dataset's count: the larger of the first page's DatasetSyncCount and the newest
 *     record read, so that it covers every record returned
 * @param cognitoCount the last page's DatasetSyncCount: Cognito's own count as the read ended. Below the newest
 *     record only in a merged copy ({@code <dataset>.<identityId>}), whose count a merge starts again at 1 while its
 *     records keep theirs: no deletion of the dataset can be above it
 * @param exists DatasetExists
 * @param deletedAfter DatasetDeletedAfterRequestedSyncCount
 * @param mergedDatasetNames MergedDatasetNames (empty when none)
 */
public record SourceRecords(SyncCount lastSyncCount, Map<RecordKey, Record> records, SyncCount datasetSyncCount,
        SyncCount cognitoCount, boolean exists, boolean deletedAfter, List<String> mergedDatasetNames) {

    /** Copies the collections. */
    public SourceRecords {
        records = Map.copyOf(records);
        mergedDatasetNames = List.copyOf(mergedDatasetNames);
    }

    /** The records, in no particular order. */
    public Collection<Record> all() {
        return records.values();
    }

    /** The smallest record count read, or the dataset count when no record was read. */
    public SyncCount oldestRecordCount() {
        return records.values().stream().map(Record::syncCount).min(SyncCount::compareTo).orElse(datasetSyncCount);
    }
}
