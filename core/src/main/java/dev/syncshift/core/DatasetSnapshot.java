package dev.syncshift.core;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The records of one dataset at one sync count, tombstones included. Immutable: a push produces a new snapshot.
 *
 * @param syncCount the dataset sync count
 * @param records every record by key, tombstones included
 */
public record DatasetSnapshot(SyncCount syncCount, Map<RecordKey, Record> records) {

    /** A dataset that was never written. */
    public static final DatasetSnapshot EMPTY = new DatasetSnapshot(SyncCount.ZERO, Map.of());

    /** Copies the map. */
    public DatasetSnapshot {
        records = Map.copyOf(records);
    }

    /** The number of live (non-removed) records. */
    public long liveRecords() {
        return records.values().stream().filter(r -> !r.isTombstone()).count();
    }

    /** UTF-8 bytes of the keys and values of live records. */
    public long storageBytes() {
        return records.values().stream().mapToLong(Record::storageBytes).sum();
    }

    /**
     * The records changed after {@code lastSyncCount} (exclusive), tombstones included, ordered by sync count and
     * then key, so that a listing can be paged stably.
     */
    public List<Record> changedAfter(SyncCount lastSyncCount) {
        return records.values().stream()
                .filter(r -> r.syncCount().isAfter(lastSyncCount))
                .sorted(Comparator.comparing(Record::syncCount).thenComparing(r -> r.key().value()))
                .toList();
    }
}
