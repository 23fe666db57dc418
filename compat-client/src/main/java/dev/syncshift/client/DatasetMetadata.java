package dev.syncshift.client;

import static dev.syncshift.client.Arguments.notNull;

import java.util.Date;
import org.jspecify.annotations.Nullable;

/**
 * What this device knows of a dataset besides its records, with AWS's names. Creation and modification dates, the
 * last writer, size and record count are the service's as of the last {@link CognitoSyncManager#refreshDatasetMetadata}
 * (local values before that). Immutable and thread-safe.
 */
public final class DatasetMetadata {

    private final String datasetName;
    private final Date creationDate;
    private final Date lastModifiedDate;
    private final @Nullable String lastModifiedBy;
    private final long storageSizeBytes;
    private final long recordCount;

    /**
     * The metadata.
     *
     * @throws IllegalArgumentException when the size or the count is negative, or an argument but
     *     {@code lastModifiedBy} is null
     */
    public DatasetMetadata(String datasetName, Date creationDate, Date lastModifiedDate,
            @Nullable String lastModifiedBy, long storageSizeBytes, long recordCount) {
        if (storageSizeBytes < 0 || recordCount < 0) {
            throw new IllegalArgumentException("storage size and record count can't be negative");
        }
        this.datasetName = notNull("datasetName", datasetName);
        this.creationDate = new Date(notNull("creationDate", creationDate).getTime());
        this.lastModifiedDate = new Date(notNull("lastModifiedDate", lastModifiedDate).getTime());
        this.lastModifiedBy = lastModifiedBy;
        this.storageSizeBytes = storageSizeBytes;
        this.recordCount = recordCount;
    }

    /** The dataset's name. */
    public String getDatasetName() {
        return datasetName;
    }

    /** When the dataset was created; a copy. */
    public Date getCreationDate() {
        return new Date(creationDate.getTime());
    }

    /** When it last changed; a copy. */
    public Date getLastModifiedDate() {
        return new Date(lastModifiedDate.getTime());
    }

    /** Who changed it last on the service, or null when unknown. */
    public @Nullable String getLastModifiedBy() {
        return lastModifiedBy;
    }

    /** UTF-8 bytes of the keys and values of its live records, as the service last reported. */
    public long getStorageSizeBytes() {
        return storageSizeBytes;
    }

    /** Its live records, as the service last reported. */
    public long getRecordCount() {
        return recordCount;
    }

    @Override
    public String toString() {
        return "DatasetMetadata{" + datasetName + ", records=" + recordCount + ", bytes=" + storageSizeBytes + "}";
    }
}
