package dev.syncshift.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored record, as ListRecords returns it. A record whose {@code value} is null is a tombstone: it was removed at
 * {@code syncCount} and stays so that other devices learn of the removal.
 *
 * @param key the key
 * @param value the value, or null for a tombstone; may be empty
 * @param syncCount the dataset sync count of the push that last changed this record
 * @param lastModifiedDate when the service stored that change
 * @param lastModifiedBy who made it (device, identity or account)
 * @param deviceLastModifiedDate when the device says it made the change, if it said
 */
public record Record(
        RecordKey key,
        @Nullable String value,
        SyncCount syncCount,
        Instant lastModifiedDate,
        String lastModifiedBy,
        @Nullable Instant deviceLastModifiedDate) {

    /** Whether this record is a removal marker. */
    public boolean isTombstone() {
        return value == null;
    }

    /** Bytes this record counts toward the 1 MB dataset limit: key plus value in UTF-8; zero for a tombstone. */
    public long storageBytes() {
        return value == null ? 0 : key.utf8Bytes() + value.getBytes(StandardCharsets.UTF_8).length;
    }
}
