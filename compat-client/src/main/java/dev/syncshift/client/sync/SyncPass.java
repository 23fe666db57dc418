package dev.syncshift.client.sync;

import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.Dataset;
import dev.syncshift.client.Record;
import dev.syncshift.client.SyncCallback;
import dev.syncshift.client.SyncConflict;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.RemoteChanges;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.SyncCount;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One synchronize of one dataset: the app's callback, its decision gates, and its single terminal call. */
final class SyncPass {

    private static final Logger LOG = LoggerFactory.getLogger(SyncPass.class);

    private final Dataset dataset;
    private final DatasetKey key;
    private final SyncCallback callback;
    private boolean mergesReported;
    private boolean ended;
    private boolean conflicted;
    private @Nullable SyncCount retryFrom;

    SyncPass(Dataset dataset, DatasetKey key, SyncCallback callback) {
        this.dataset = dataset;
        this.key = key;
        this.callback = callback;
    }

    DatasetKey key() {
        return key;
    }

    /** Whether a push of this synchronize was stale: later passes pull before they push. */
    boolean conflicted() {
        return conflicted;
    }

    /** Notes a stale push; returns whether an earlier push of this synchronize was stale too. */
    boolean markConflicted() {
        boolean again = conflicted;
        conflicted = true;
        return again;
    }

    /**
     * The count this pass pulls from: the dataset's count of its last synchronize ({@code stored}), unless a stale
     * push of this synchronize set a lower one. That one lives as long as the synchronize: a synchronize that fails
     * leaves the dataset's count as it was, as on every backend.
     */
    SyncCount countToPullFrom(SyncCount stored) {
        return retryFrom == null ? stored : retryFrom;
    }

    /** After a stale push: the next pass pulls from {@code count}. */
    void retryFrom(SyncCount count) {
        retryFrom = count;
    }

    /** Local datasets named {@code <name>.<identityId>} or {@code <name>.unknown} left by an identity change. */
    void checkLocalMerges(LocalCache cache) {
        DatasetName name = key.datasetName();
        List<String> merged = cache.datasets(key.identityId()).stream()
                .map(d -> d.key().datasetName())
                .filter(other -> name.isMergedCopy(other) || other.value().equals(name.value() + ".unknown"))
                .map(DatasetName::value).toList();
        reportMerges(merged);
    }

    void checkRemoteMerges(RemoteChanges changes) {
        reportMerges(changes.mergedDatasetNames().stream().map(DatasetName::value).toList());
    }

    private void reportMerges(List<String> names) {
        if (names.isEmpty() || mergesReported) {
            return;
        }
        mergesReported = true;
        if (!ask("onDatasetsMerged", () -> callback.onDatasetsMerged(dataset, names))) {
            throw new DataStorageException(SyncEngine.MANUAL_CANCEL);
        }
    }

    /**
     * Whether the service's dataset was deleted after this device synced it (the service says so, or it no longer
     * exists although it reports a count this device has seen; a count below it means this backend never held the
     * dataset, as after a switch of backend, and the local data is pushed as new); if so the app decides (true
     * purges the local copy, and the sync is done; false cancels).
     */
    boolean deletedRemotely(SyncCount last, RemoteChanges changes, LocalCache cache) {
        boolean gone = last.value() != 0 && !changes.exists() && changes.datasetSyncCount().value() >= last.value();
        boolean deleted = gone || changes.deletedAfterRequestedSyncCount();
        if (!deleted) {
            return false;
        }
        if (!ask("onDatasetDeleted", () -> callback.onDatasetDeleted(dataset, key.datasetName().value()))) {
            throw new DataStorageException(SyncEngine.MANUAL_CANCEL);
        }
        cache.purge(key);
        return true;
    }

    /** Asks the app to resolve conflicts; false cancels the sync. */
    void resolveConflicts(List<SyncConflict> conflicts) {
        if (!ask("onConflict", () -> callback.onConflict(dataset, conflicts))) {
            throw new DataStorageException(SyncEngine.MANUAL_CANCEL);
        }
    }

    /**
     * The app's answer to {@code question} (the callback named {@code call}). What it throws ends the synchronize in
     * {@code onFailure}: a {@link DataStorageException} as it is (the app's own, or the cache's under
     * {@code Dataset.resolve}), anything else in one that names the call and the exception, with it as the cause,
     * where the engine would only say "Unknown exception".
     */
    private static boolean ask(String call, BooleanSupplier question) {
        try {
            return question.getAsBoolean();
        } catch (DataStorageException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = e.getMessage();
            throw new DataStorageException(call + " threw " + e.getClass().getSimpleName()
                    + (message == null ? "" : ": " + message), e);
        }
    }

    void succeed(List<dev.syncshift.core.Record> pulled) {
        end();
        List<Record> records = pulled.stream().map(r -> Records.toApi(dev.syncshift.client.spi.LocalRecord.synced(r)))
                .toList();
        try {
            callback.onSuccess(dataset, records);
        } catch (RuntimeException e) {
            LOG.warn("onSuccess of {} threw; the synchronize had succeeded", key, e);
        }
    }

    void fail(DataStorageException exception) {
        end();
        try {
            callback.onFailure(exception);
        } catch (RuntimeException e) {
            LOG.warn("onFailure of {} threw", key, e);
        }
    }

    private void end() {
        if (ended) {
            throw new IllegalStateException("A synchronize may end only once");
        }
        ended = true;
    }
}
