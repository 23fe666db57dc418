package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** ListRecords' result, every member present (null where the real service sends null). */
public record ListRecordsResponse(
        List<RecordShape> records,
        @Nullable String nextToken,
        int count,
        long datasetSyncCount,
        @Nullable String lastModifiedBy,
        @Nullable List<String> mergedDatasetNames,
        boolean datasetExists,
        boolean datasetDeletedAfterRequestedSyncCount,
        String syncSessionToken) {
}
