package dev.syncshift.migrator.source;

import dev.syncshift.core.DatasetName;
import java.time.Instant;

/**
 * A dataset as ListDatasets describes it (live datasets only: Cognito Sync omits deleted ones).
 *
 * @param name the dataset name
 * @param creationDate when this incarnation was created
 * @param lastModifiedDate when it last changed
 * @param lastModifiedBy who changed it last
 * @param numRecords its live records
 * @param dataStorage UTF-8 bytes of its live keys and values
 */
public record SourceDataset(DatasetName name, Instant creationDate, Instant lastModifiedDate, String lastModifiedBy,
        long numRecords, long dataStorage) {
}
