package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.DatasetSnapshot;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Push;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncLimits;
import dev.syncshift.core.SyncRules;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.StoredDataset;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * ListRecords and UpdateRecords (docs/cognito-sync.md#sync-counts): pulls of the records changed after
 * a sync count, and all-or-nothing pushes that raise the dataset's count by one.
 */
public final class RecordRules {

    /** ListRecords' page size when maxResults is absent, and its cap (the per-dataset record limit). */
    public static final int MAX_PAGE = SyncLimits.MAX_RECORDS_PER_DATASET;

    private final DatasetStore datasets;
    private final IdentityRules identities;
    private final SessionTokens tokens;
    private final List<DatasetChangeListener> listeners;
    private final Clock clock;

    /** Rules over {@code datasets}; {@code listeners} hear of every committed change. */
    public RecordRules(DatasetStore datasets, IdentityRules identities, SessionTokens tokens,
            List<DatasetChangeListener> listeners, Clock clock) {
        this.datasets = datasets;
        this.identities = identities;
        this.tokens = tokens;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /** ListRecords: the records changed after {@code lastSyncCount} (exclusive), tombstones included. */
    public RecordsPage listRecords(Caller caller, IdentityPoolId poolId, DatasetKey key,
            @Nullable Long lastSyncCount, @Nullable String nextToken, @Nullable Integer maxResults,
            @Nullable String syncSessionToken) {
        Access.checkIdentity(caller, identities.requireIdentityInPool(poolId, key.identityId()));
        int pageSize = PageTokens.pageSize(maxResults, MAX_PAGE, MAX_PAGE);
        long since = lastSyncCount == null ? 0 : Constraints.range("lastSyncCount", lastSyncCount, 0, Long.MAX_VALUE);
        String listing = RecordCursor.listing(poolId, key, since);
        RecordCursor after = RecordCursor.decode(listing, nextToken);
        String token = sessionToken(poolId, key, syncSessionToken);
        Optional<StoredDataset> stored = datasets.find(key);
        if (stored.filter(StoredDataset::exists).isEmpty()) {
            return absent(stored, since, token, mergedNames(key));
        }
        StoredDataset dataset = stored.get();
        SyncRules.checkLastSyncCount(since, dataset.snapshot().syncCount());
        List<Record> changed = dataset.snapshot().changedAfter(new SyncCount(since)).stream()
                .filter(after::precedes).limit(pageSize + 1L).toList();
        boolean more = changed.size() > pageSize;
        List<Record> page = more ? changed.subList(0, pageSize) : changed;
        String next = more ? RecordCursor.of(page.get(pageSize - 1)).encode(listing) : null;
        return new RecordsPage(page, next, dataset.snapshot().syncCount(), dataset.lastModifiedBy(),
                mergedNames(key), true, deletedAfter(dataset, since), token);
    }

    /**
     * UpdateRecords: applies {@code patches} all or nothing, creating the dataset if needed.
     *
     * @return the records written, each stamped with the dataset's new sync count
     */
    public List<Record> updateRecords(Caller caller, IdentityPoolId poolId, DatasetKey key,
            @Nullable String deviceId, List<RecordPatch> patches, @Nullable String syncSessionToken) {
        String token = Constraints.required("syncSessionToken", syncSessionToken);
        if (deviceId != null) {
            Constraints.length("deviceId", deviceId, 1, 256);
        }
        Access.checkIdentity(caller, identities.requireWritableIdentityInPool(poolId, key.identityId()));
        tokens.verify(token, poolId, key);
        return datasets.locked(key.identityId(), () -> push(caller, poolId, key, deviceId, patches));
    }

    private List<Record> push(Caller caller, IdentityPoolId poolId, DatasetKey key, @Nullable String deviceId,
            List<RecordPatch> patches) {
        // Again under the lock: a merge may have moved this identity away since the check before it.
        identities.requireWritableIdentityInPool(poolId, key.identityId());
        Optional<StoredDataset> stored = datasets.find(key);
        boolean exists = stored.map(StoredDataset::exists).orElse(false);
        DatasetSnapshot current = stored.map(StoredDataset::snapshot).orElse(DatasetSnapshot.EMPTY);
        if (!exists && !patches.isEmpty()) {
            SyncLimits.checkCanCreateDataset(existingDatasets(key.identityId()));
        }
        Instant now = clock.instant();
        Push push = SyncRules.push(current, patches, caller.modifiedBy(), now);
        if (!push.wroteRecords()) {
            return List.of();
        }
        datasets.put(stored.map(dataset -> dataset.written(push.snapshot(), caller.modifiedBy(), now))
                .orElseGet(() -> new StoredDataset(poolId, key, true, push.snapshot(), now, now,
                        caller.modifiedBy(), null, null)));
        listeners.forEach(listener -> listener.recordsUpdated(poolId, key, push, caller, deviceId));
        return push.changed();
    }

    private String sessionToken(IdentityPoolId poolId, DatasetKey key, @Nullable String given) {
        if (given != null) {
            tokens.verify(given, poolId, key);
            return given;
        }
        datasets.countSyncSession(poolId);
        return tokens.issue(poolId, key);
    }

    private RecordsPage absent(Optional<StoredDataset> deleted, long since, String token,
            @Nullable List<String> merged) {
        SyncCount count = deleted.map(dataset -> dataset.snapshot().syncCount()).orElse(SyncCount.ZERO);
        boolean deletedAfter = deleted.map(dataset -> deletedAfter(dataset, since)).orElse(false);
        return new RecordsPage(List.of(), null, count, null, merged, false, deletedAfter, token);
    }

    private static boolean deletedAfter(StoredDataset dataset, long since) {
        Long deletedAt = dataset.deletedAtSyncCount();
        return deletedAt != null && since > 0 && since <= deletedAt;
    }

    private @Nullable List<String> mergedNames(DatasetKey key) {
        DatasetName name = key.datasetName();
        List<String> merged = datasets.list(key.identityId()).stream()
                .filter(dataset -> dataset.exists() && dataset.mergedFrom() != null)
                .map(dataset -> dataset.key().datasetName())
                .filter(name::isMergedCopy)
                .map(DatasetName::value)
                .toList();
        return merged.isEmpty() ? null : merged;
    }

    private int existingDatasets(IdentityId identityId) {
        return (int) datasets.list(identityId).stream().filter(StoredDataset::exists).count();
    }
}
