package dev.syncshift.client.spi;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A record as the local cache holds it: the service's version this device last saw, plus a local change when
 * {@code modified}.
 *
 * @param key the key
 * @param value the value, null for a deleted record
 * @param syncCount the service's count of the version this device last saw (the base of a local change), zero if
 *     never synced
 * @param lastModifiedDate the service's date of that version, the epoch if never synced
 * @param lastModifiedBy who stored that version, null if never synced
 * @param deviceLastModifiedDate when the value last changed on a device
 * @param modified whether the value is a local change not yet pushed
 */
public record LocalRecord(RecordKey key, @Nullable String value, SyncCount syncCount, Instant lastModifiedDate,
        @Nullable String lastModifiedBy, Instant deviceLastModifiedDate, boolean modified) {

    /** The clean local copy of a record the service returned. */
    public static LocalRecord synced(Record remote) {
        return new LocalRecord(remote.key(), remote.value(), remote.syncCount(), remote.lastModifiedDate(),
                remote.lastModifiedBy(), Objects.requireNonNullElse(remote.deviceLastModifiedDate(),
                        remote.lastModifiedDate()), false);
    }

    /** Whether the record is deleted. */
    public boolean isDeleted() {
        return value == null;
    }

    /** Whether this record holds the same value (or is deleted alike) as {@code remote}. */
    public boolean sameValueAs(Record remote) {
        return Objects.equals(value, remote.value());
    }

    /**
     * Which of this record, moved by {@link LocalCache#changeIdentity} into a dataset that already holds
     * {@code there} under the same key, the dataset keeps: an unsynced edit over a synced copy, the later of two
     * unsynced edits by device date ({@code there} on a tie), and {@code there} of two synced copies (the service
     * has both). The one kept is unchanged, its base count included, so that a push still finds a conflict.
     */
    public LocalRecord keptOnMove(LocalRecord there) {
        boolean later = !there.modified() || deviceLastModifiedDate.isAfter(there.deviceLastModifiedDate());
        return modified && later ? this : there;
    }

    /** This record with another base count and service version, keeping its value and local change. */
    public LocalRecord rebasedOn(LocalRecord synced) {
        return new LocalRecord(key, value, synced.syncCount(), synced.lastModifiedDate(), synced.lastModifiedBy(),
                deviceLastModifiedDate, modified);
    }
}
