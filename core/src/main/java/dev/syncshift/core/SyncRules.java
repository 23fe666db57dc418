package dev.syncshift.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The sync-count rules of Cognito Sync (docs/cognito-sync.md, "Sync counts"), as pure functions.
 *
 * <ul>
 *   <li>Each push that writes records raises the dataset sync count by exactly one and stamps that count on every
 *       record it changed.</li>
 *   <li>Each patch must carry the record's current sync count (zero for a key never written); one stale patch
 *       rejects the whole push.</li>
 *   <li>Removing a record leaves a tombstone with the count of its removal.</li>
 *   <li>"Changes since N" means records whose count is greater than N; N may not exceed the dataset's count.</li>
 * </ul>
 */
public final class SyncRules {

    /**
     * How Cognito Sync's message begins when ListRecords is asked after a count the dataset does not have ("No such
     * SyncCount: N exists for this Dataset"); clients recognise that refusal by it.
     */
    public static final String NO_SUCH_SYNC_COUNT = "No such SyncCount";

    private SyncRules() {
    }

    /**
     * Checks the {@code lastSyncCount} of a ListRecords call against the dataset's current count.
     *
     * @throws InvalidParameterException when it is negative, or greater than {@code datasetSyncCount}
     *     ("No such SyncCount: N exists for this Dataset")
     */
    public static SyncCount checkLastSyncCount(long lastSyncCount, SyncCount datasetSyncCount) {
        Constraints.range("lastSyncCount", lastSyncCount, 0, Long.MAX_VALUE);
        if (lastSyncCount > datasetSyncCount.value()) {
            throw new InvalidParameterException(NO_SUCH_SYNC_COUNT + ": " + lastSyncCount + " exists for this Dataset");
        }
        return new SyncCount(lastSyncCount);
    }

    /**
     * Applies {@code patches} to {@code current} all or nothing.
     *
     * @param current the dataset before the push
     * @param patches the changes, at most one per key
     * @param modifiedBy who pushes (stored as each changed record's LastModifiedBy)
     * @param now the service's clock
     * @return the new snapshot and the changed records; the snapshot is {@code current} when there are no patches
     * @throws InvalidParameterException when two patches name the same key
     * @throws ResourceConflictException when a patch's sync count is not the record's current one
     * @throws LimitExceededException when the result exceeds 1,024 live records or 1 MB
     */
    public static Push push(DatasetSnapshot current, List<RecordPatch> patches, String modifiedBy, Instant now) {
        checkDistinctKeys(patches);
        patches.forEach(patch -> checkNotStale(current.records().get(patch.key()), patch));
        if (patches.isEmpty()) {
            return new Push(current, List.of());
        }
        SyncCount next = current.syncCount().next();
        Map<RecordKey, Record> records = new HashMap<>(current.records());
        List<Record> changed = new ArrayList<>(patches.size());
        for (RecordPatch patch : patches) {
            Record written = new Record(patch.key(), patch.value(), next, now, modifiedBy,
                    patch.deviceLastModifiedDate());
            records.put(patch.key(), written);
            changed.add(written);
        }
        DatasetSnapshot after = new DatasetSnapshot(next, records);
        SyncLimits.checkDatasetSize(after.liveRecords(), after.storageBytes());
        return new Push(after, changed);
    }

    private static void checkDistinctKeys(List<RecordPatch> patches) {
        Set<RecordKey> seen = new HashSet<>();
        for (RecordPatch patch : patches) {
            if (!seen.add(patch.key())) {
                throw new InvalidParameterException("Duplicate key in RecordPatches: " + patch.key());
            }
        }
    }

    private static void checkNotStale(@Nullable Record stored, RecordPatch patch) {
        SyncCount serverCount = stored == null ? SyncCount.ZERO : stored.syncCount();
        if (!serverCount.equals(patch.syncCount())) {
            throw new ResourceConflictException("Current SyncCount for: " + patch.key() + " is: " + serverCount
                    + " not: " + patch.syncCount());
        }
    }
}
