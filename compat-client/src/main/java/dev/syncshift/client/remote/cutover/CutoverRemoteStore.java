package dev.syncshift.client.remote.cutover;

import dev.syncshift.client.DataConflictException;
import dev.syncshift.client.DataLimitExceededException;
import dev.syncshift.client.DatasetNotFoundException;
import dev.syncshift.client.NetworkException;
import dev.syncshift.client.remote.appsync.AppSyncRemoteStore;
import dev.syncshift.client.remote.cognito.CognitoSyncRemoteStore;
import dev.syncshift.client.spi.CountSpace;
import dev.syncshift.client.spi.DatasetChangeListener;
import dev.syncshift.client.spi.PushResult;
import dev.syncshift.client.spi.RemoteChanges;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.client.spi.RemoteSync;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RemoteStore} of the {@code cutover} backend: reads and writes go to AppSync. On the first touch of a
 * dataset (per manager), it first imports the dataset's Cognito Sync state when AppSync lacks it or is behind
 * ({@link CutoverImport}), then pulls the whole AppSync dataset once, so that a device whose count came from
 * Cognito Sync (or from an AppSync store that has since imported changes as new revisions) catches up exactly;
 * the engine's conflict rules keep every unsynchronized edit. A dataset deleted on AppSync is still reported
 * deleted to a device that saw it. While Cognito Sync cannot be reached, a dataset AppSync has is used as it is,
 * and the import is tried again at each synchronize. Thread-safe.
 */
public final class CutoverRemoteStore implements RemoteStore {

    private static final Logger LOG = LoggerFactory.getLogger(CutoverRemoteStore.class);
    /** A count every dataset written reaches: a deletion after it means the dataset was written, then deleted. */
    private static final SyncCount FIRST_COUNT = new SyncCount(1);

    private final CognitoSyncRemoteStore cognito;
    private final AppSyncRemoteStore appSync;
    private final CutoverImport importer;
    /** Datasets whose Cognito Sync state AppSync holds (imported, or found current, by this manager). */
    private final Set<DatasetKey> imported = ConcurrentHashMap.newKeySet();
    /** Datasets this manager has pulled whole from AppSync once. */
    private final Set<DatasetKey> caughtUp = ConcurrentHashMap.newKeySet();

    /** A cutover remote over both backends, signing with the same device credentials. */
    public CutoverRemoteStore(CognitoSyncRemoteStore cognito, AppSyncRemoteStore appSync) {
        this.cognito = cognito;
        this.appSync = appSync;
        this.importer = new CutoverImport(cognito, appSync);
    }

    @Override
    public CountSpace countSpace() {
        return CountSpace.APPSYNC;
    }

    @Override
    public RemoteChanges listUpdates(DatasetKey key, SyncCount lastSyncCount) {
        importIfNeeded(key);
        if (caughtUp.contains(key)) {
            return appSync.listUpdates(key, lastSyncCount);
        }
        RemoteChanges everything = appSync.listUpdates(key, SyncCount.ZERO);
        caughtUp.add(key);
        if (lastSyncCount.value() == 0) {
            return everything;
        }
        // A pull from zero cannot say "deleted after your count": asked from the device's count, AppSync says whether
        // the dataset was deleted since (re-created or not), as it would have to a manager that never stopped.
        RemoteChanges since = appSync.listUpdates(key, lastSyncCount);
        return since.deletedAfterRequestedSyncCount() ? since : everything;
    }

    /**
     * Imports the dataset's Cognito Sync state unless this manager did; tried again at each synchronize while
     * Cognito Sync cannot be reached. Changes an import brings after the whole pull carry counts above the store's
     * count the device last pulled (copy mode: the store untouched since the last import; revision mode: new
     * revisions), so the device's next delta pull has them.
     */
    private void importIfNeeded(DatasetKey key) {
        if (!imported.contains(key) && importer.ensureImported(key)) {
            imported.add(key);
        }
    }

    @Override
    public PushResult putRecords(DatasetKey key, List<RecordPatch> patches) {
        return appSync.putRecords(key, patches);
    }

    @Override
    public boolean pushesAndPullsInOneCall() {
        return true;
    }

    @Override
    public RemoteSync pushAndPull(DatasetKey key, SyncCount lastSyncCount, List<RecordPatch> patches) {
        if (!caughtUp.contains(key)) {
            throw new DataConflictException("First synchronize of " + key.datasetName() + " on AppSync: pull first");
        }
        importIfNeeded(key);
        return appSync.pushAndPull(key, lastSyncCount, patches);
    }

    /**
     * {@inheritDoc} The dataset is imported first, if this manager has not: deleted on AppSync alone while AppSync
     * lacked it, it would stay in Cognito Sync, and the next touch (by any cutover device, or the migrator) would
     * import it again. Imported, its deletion is recorded on AppSync, which no import undoes. When AppSync refuses the
     * import as over a limit (20 datasets, or a count past what its API can return; deleting is the way out of
     * either), the dataset is deleted where it is, on Cognito Sync, and then on AppSync. When Cognito Sync cannot be
     * reached, the deletion does not wait for it: it is made on AppSync alone, and a later import may bring Cognito
     * Sync's copy back (logged).
     */
    @Override
    public void deleteDataset(DatasetKey key) {
        try {
            importIfNeeded(key);
        } catch (DataLimitExceededException e) {
            LOG.info("deleting {} on Cognito Sync, as AppSync cannot take its copy ({})", key.datasetName(),
                    e.getMessage());
            deleteOnCognito(key);
        } catch (NetworkException e) {
            LOG.warn("deleting {} on AppSync without importing it from Cognito Sync first ({}): a later import may "
                    + "bring Cognito Sync's copy back", key.datasetName(), e.getMessage());
        }
        appSync.deleteDataset(key);
    }

    private void deleteOnCognito(DatasetKey key) {
        try {
            cognito.deleteDataset(key);
        } catch (DatasetNotFoundException gone) {
            LOG.debug("{} was already deleted on Cognito Sync", key.datasetName());
        }
    }

    /**
     * AppSync's datasets, and the Cognito Sync ones not imported yet; not those deleted on AppSync, which imports never
     * bring back (one {@code listRecords} call each for the Cognito ones AppSync does not list). AppSync's alone while
     * Cognito Sync cannot be reached.
     */
    @Override
    public List<DatasetMetadata> listDatasets(IdentityId identityId) {
        List<DatasetMetadata> all = new ArrayList<>(appSync.listDatasets(identityId));
        List<DatasetMetadata> onCognito;
        try {
            onCognito = cognito.listDatasets(identityId);
        } catch (NetworkException e) {
            LOG.warn("Cognito Sync cannot be reached ({}); listing AppSync's datasets only", e.getMessage());
            return all;
        }
        onCognito.stream()
                .filter(c -> all.stream().noneMatch(a -> a.key().equals(c.key())))
                .filter(c -> !appSync.listUpdates(c.key(), FIRST_COUNT).deletedAfterRequestedSyncCount())
                .forEach(all::add);
        return all;
    }

    @Override
    public AutoCloseable subscribe(DatasetKey key, DatasetChangeListener listener) {
        return appSync.subscribe(key, listener);
    }

    @Override
    public AutoCloseable subscribeAll(IdentityId identity, DatasetChangeListener listener) {
        return appSync.subscribeAll(identity, listener);
    }

    @Override
    public void close() {
        cognito.close();
        appSync.close();
    }
}
