package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.core.DatasetMetadata;
import java.time.Instant;

/** Cognito Sync {@code Dataset}. */
public record DatasetShape(
        String identityId,
        String datasetName,
        Instant creationDate,
        Instant lastModifiedDate,
        String lastModifiedBy,
        long dataStorage,
        long numRecords) {

    /** The wire form of {@code metadata}. */
    public static DatasetShape of(DatasetMetadata metadata) {
        return new DatasetShape(metadata.key().identityId().value(), metadata.key().datasetName().value(),
                metadata.creationDate(), metadata.lastModifiedDate(), metadata.lastModifiedBy(),
                metadata.dataStorage(), metadata.numRecords());
    }
}
