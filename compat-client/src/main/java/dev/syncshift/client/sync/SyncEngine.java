package dev.syncshift.client.sync;

import dev.syncshift.client.DataConflictException;
import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.Dataset;
import dev.syncshift.client.DatasetNotFoundException;
import dev.syncshift.client.SyncCallback;
import dev.syncshift.client.spi.DeletedSinceException;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.client.spi.PushResult;
import dev.syncshift.client.spi.RecordUpdate;
import dev.syncshift.client.spi.RemoteChanges;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.client.spi.RemoteSync;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.Operation;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Synchronize as AWS's Android client does it (pull, detect conflicts, ask the app, apply, push, retry on a stale
 * push), over the two ports, in plain synchronous code: no threads, SQL or SDK. Its fixes: exactly one terminal
 * callback; a stale push re-pulls from the lowest base count of the local changes (no endless 409 loop); a local change
 * equal to the service's value is taken as resolved; unresolved conflicts fail instead of looping; merged datasets do
 * not restart the sync; an edit made while a sync runs is kept and rebased on what was pushed; counts a dataset got
 * from the other service (before a switch of backend) are never compared with this one's. When the remote can
 * push and pull in one round trip, a sync with local changes is that one call. Thread-safe if its ports are; callers
 * serialize synchronizes of one dataset.
 */
public final class SyncEngine {

    /** Retries after a stale push, as AWS's clients: four passes in all. */
    public static final int MAX_RETRY = 3;
    static final String MANUAL_CANCEL = "Manual cancel";
    /** A count every dataset written reaches: asked from it, a service says whether it deleted the dataset. */
    private static final SyncCount FIRST_COUNT = new SyncCount(1);

    private final LocalCache cache;
    private final RemoteStore remote;
    private final Clock clock;

    /** An engine over the two ports; {@code clock} dates local changes. */
    public SyncEngine(LocalCache cache, RemoteStore remote, Clock clock) {
        this.cache = cache;
        this.remote = remote;
        this.clock = clock;
    }

    /**
     * Synchronizes one dataset, reporting to {@code callback}: exactly one of {@code onSuccess} and
     * {@code onFailure} is called before this returns.
     */
    public void synchronize(Dataset dataset, DatasetKey key, SyncCallback callback) {
        SyncPass pass = new SyncPass(dataset, key, callback);
        try {
            pass.checkLocalMerges(cache);
            for (int attempt = 0; attempt <= MAX_RETRY; attempt++) {
                Optional<List<Record>> pulled = runPass(pass);
                if (pulled.isPresent()) {
                    Optional<DataStorageException> notCarried = Records.notCarried(cache.modifiedRecords(key), null);
                    if (notCarried.isPresent()) {
                        pass.fail(notCarried.get());
                    } else {
                        pass.succeed(pulled.get());
                    }
                    return;
                }
            }
            fail(pass, new DataStorageException("Synchronize failed because it exceeded the maximum retries"));
        } catch (DataStorageException e) {
            fail(pass, e);
        } catch (RuntimeException e) {
            fail(pass, new DataStorageException("Unknown exception", e));
        }
    }

    /**
     * Ends in {@code failure}, or in the report of local changes that could not be sent, which comes first. A dataset
     * over the limits that could not reach the service says so, the network's failure kept as the cause: the same
     * error as online, where it would have been pulled and then checked.
     */
    private void fail(SyncPass pass, DataStorageException failure) {
        DataStorageException reported;
        try {
            DataStorageException unreachable = Records.unreachable(cache.records(pass.key()), failure);
            reported = Records.notCarried(cache.modifiedRecords(pass.key()), unreachable).orElse(unreachable);
        } catch (RuntimeException e) {
            reported = failure; // the cache failed too: what failed first is the news
        }
        pass.fail(reported);
    }

    /** One pass; empty when a push was stale and the pass must be retried. */
    private Optional<List<Record>> runPass(SyncPass pass) {
        DatasetKey key = pass.key();
        LocalDataset state = cache.openDataset(key, clock.instant());
        if (state.deletedLocally()) {
            deleteRemotely(key);
            Optional<LocalDataset> left = cache.dataset(key);
            if (left.isEmpty()) {
                return Optional.of(List.of());
            }
            state = left.get();
        }
        List<LocalRecord> changes = Records.carried(cache.modifiedRecords(key));
        if (countedElsewhere(state)) {
            return fromOtherBackend(pass, state);
        }
        SyncCount last = pass.countToPullFrom(state.lastSyncCount());
        // A local copy over the limits may be behind another device's changes that make room: it pulls first, and
        // is checked before its push (applyThenPush), as the service would check what it then holds. Read only for a
        // push in the one call, so that a pull-only pass does not read every record for it.
        if (!changes.isEmpty() && remote.pushesAndPullsInOneCall() && !pass.conflicted()
                && Records.overLimits(cache.records(key), null).isEmpty()) {
            return pushAndPull(pass, last, changes);
        }
        return pullThenPush(pass, last);
    }

    private void deleteRemotely(DatasetKey key) {
        try {
            remote.deleteDataset(key);
        } catch (DatasetNotFoundException e) {
            // Never pushed, or deleted by another device: either way it is gone.
        }
        cache.remoteDeleted(key);
    }

    /**
     * Whether the dataset's counts were given by the other service: the flag was switched since its last synchronize.
     * A dataset without counts (never synchronized) has nothing to compare.
     */
    private boolean countedElsewhere(LocalDataset state) {
        return state.countSpace() != remote.countSpace() && (state.lastSyncCount().value() > 0
                || cache.records(state.key()).stream().anyMatch(r -> r.syncCount().value() > 0));
    }

    /**
     * The first synchronize of a dataset after a switch of backend: its counts mean nothing here, so it pulls
     * everything, lets this service's copy replace what the device had synchronized with the other one (records with
     * a local change keep it: taken when equal, re-based when this service has the very version it is based on,
     * otherwise a conflict for the app, never decided by counts), then pushes the local changes. A dataset this
     * service deleted is reported as deleted, as to any device that saw it.
     */
    private Optional<List<Record>> fromOtherBackend(SyncPass pass, LocalDataset state) {
        DatasetKey key = pass.key();
        RemoteChanges everything = remote.listUpdates(key, SyncCount.ZERO);
        if (!everything.exists() && state.lastSyncCount().value() > 0
                && pass.deletedRemotely(FIRST_COUNT, remote.listUpdates(key, FIRST_COUNT), cache)) {
            return Optional.of(List.of());
        }
        cache.forgetCounts(key, remote.countSpace(),
                everything.records().stream().map(Record::key).collect(Collectors.toSet()));
        return applyThenPush(pass, SyncCount.ZERO, everything);
    }

    private Optional<List<Record>> pullThenPush(SyncPass pass, SyncCount last) {
        return applyThenPush(pass, last, remote.listUpdates(pass.key(), last));
    }

    private Optional<List<Record>> applyThenPush(SyncPass pass, SyncCount last, RemoteChanges pulled) {
        DatasetKey key = pass.key();
        if (pass.deletedRemotely(last, pulled, cache)) {
            return Optional.of(List.of());
        }
        pass.checkRemoteMerges(pulled);
        List<Record> applied = new PulledRecords(cache, pass).apply(pulled.records());
        if (last.value() == 0) {
            rebaseOrphans(key, pulled);
        }
        if (pulled.exists()) {
            cache.setLastSyncCount(key, pulled.datasetSyncCount(), remote.countSpace());
        }
        List<LocalRecord> snapshot = Records.carried(cache.modifiedRecords(key));
        if (snapshot.isEmpty()) {
            return Optional.of(applied);
        }
        checkLimits(key);
        PushResult pushed;
        try {
            pushed = push(key, pulled, snapshot);
        } catch (DataConflictException e) {
            staleAfter(key, snapshot, pass, e);
            return Optional.empty();
        }
        storePushed(key, snapshot, pushed);
        if (pushed.syncCount().value() == pulled.datasetSyncCount().value() + pushed.parts()) {
            cache.setLastSyncCount(key, pushed.syncCount(), remote.countSpace());
        }
        return Optional.of(applied);
    }

    private Optional<List<Record>> pushAndPull(SyncPass pass, SyncCount last, List<LocalRecord> snapshot) {
        DatasetKey key = pass.key();
        RemoteSync result;
        try {
            result = remote.pushAndPull(key, last, patches(snapshot));
        } catch (DataConflictException e) {
            staleAfter(key, snapshot, pass, e);
            return Optional.empty();
        }
        storePushed(key, snapshot, result.pushed());
        RemoteChanges changes = result.changes();
        if (pass.deletedRemotely(last, changes, cache)) {
            return Optional.of(List.of());
        }
        pass.checkRemoteMerges(changes);
        Set<Record> own = Set.copyOf(result.pushed().records());
        List<Record> others = changes.records().stream().filter(r -> !isOwn(own, r)).toList();
        List<Record> applied = new PulledRecords(cache, pass).apply(others);
        cache.setLastSyncCount(key, changes.datasetSyncCount(), remote.countSpace());
        return Optional.of(applied);
    }

    private static boolean isOwn(Set<Record> pushed, Record pulled) {
        return pushed.stream().anyMatch(p -> p.key().equals(pulled.key()) && p.syncCount().equals(pulled.syncCount()));
    }

    private void storePushed(DatasetKey key, List<LocalRecord> snapshot, PushResult pushed) {
        List<RecordUpdate> updates = pushed.records().stream()
                .map(written -> new RecordUpdate(sentFor(snapshot, written), LocalRecord.synced(written), true))
                .toList();
        cache.update(key, updates);
    }

    private static LocalRecord sentFor(List<LocalRecord> snapshot, Record written) {
        return snapshot.stream().filter(r -> r.key().equals(written.key())).findFirst()
                .orElseThrow(() -> new DataStorageException("The service wrote a record that was not pushed: "
                        + written.key()));
    }

    /**
     * The push after a pull. A remote that has a push carrying the device's count (AppSync's {@code syncDataset})
     * gets it, from the count just pulled: a deletion by another device between the pull and the push makes it stale
     * rather than letting new keys re-create the dataset. Its answer's changes are not needed (the count rule of
     * {@link #applyThenPush} leaves whatever came in between to the next pull); one call either way.
     */
    private PushResult push(DatasetKey key, RemoteChanges pulled, List<LocalRecord> snapshot) {
        if (!remote.pushesAndPullsInOneCall()) {
            return remote.putRecords(key, patches(snapshot));
        }
        SyncCount since = pulled.exists() ? pulled.datasetSyncCount() : SyncCount.ZERO;
        return remote.pushAndPull(key, since, patches(snapshot)).pushed();
    }

    /**
     * After a stale push, the count to pull from next: the count the push carried when the dataset was deleted after
     * it (that pull reports the deletion, where one from zero would take the dataset for new); otherwise lowered.
     */
    private void staleAfter(DatasetKey key, List<LocalRecord> snapshot, SyncPass pass, DataConflictException e) {
        boolean again = pass.markConflicted();
        if (!(e instanceof DeletedSinceException)) {
            lowerCountToPullFrom(key, snapshot, pass, again);
        }
    }

    /**
     * After a stale push: pull again from the oldest version a local change is based on; after a second one, pull
     * everything (the local counts may come from another backend, after a switch of the flag).
     */
    private void lowerCountToPullFrom(DatasetKey key, List<LocalRecord> snapshot, SyncPass pass, boolean again) {
        long last = pass.countToPullFrom(cache.dataset(key).map(LocalDataset::lastSyncCount).orElse(SyncCount.ZERO))
                .value();
        long lowest = snapshot.stream().mapToLong(r -> r.syncCount().value()).filter(c -> c > 0).min().orElse(last);
        pass.retryFrom(again ? SyncCount.ZERO : new SyncCount(Math.min(last, lowest)));
    }

    /**
     * After a pull of everything: a local change based on a version the service does not have (its key is not
     * there) is rebased on nothing, so that it is pushed as new.
     */
    private void rebaseOrphans(DatasetKey key, RemoteChanges everything) {
        Set<RecordKey> remote = everything.records().stream().map(Record::key).collect(Collectors.toSet());
        List<RecordUpdate> orphans = cache.modifiedRecords(key).stream()
                .filter(r -> r.syncCount().value() > 0 && !remote.contains(r.key()))
                .map(r -> new RecordUpdate(r, new LocalRecord(r.key(), r.value(), SyncCount.ZERO, Instant.EPOCH,
                        null, r.deviceLastModifiedDate(), true), false))
                .toList();
        cache.update(key, orphans);
    }

    private void checkLimits(DatasetKey key) {
        Records.checkLimits(cache.records(key));
    }

    static List<RecordPatch> patches(List<LocalRecord> changes) {
        return changes.stream().map(r -> new RecordPatch(r.isDeleted() ? Operation.REMOVE : Operation.REPLACE,
                r.key(), r.value(), r.syncCount(), r.deviceLastModifiedDate())).collect(Collectors.toList());
    }
}
