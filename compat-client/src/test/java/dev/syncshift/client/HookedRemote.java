package dev.syncshift.client;

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
import java.util.List;

/**
 * A backend's real remote with a hook run just before a push is sent (the window in which a logout or a login races
 * it), one run when a push has been stored by the service and before its answer reaches the engine (the window in
 * which an app's edit races the synchronize), and one run when a pull (of records, or of the dataset list) has been
 * answered, before the client applies it (the window in which another device's write races the push, or a logout the
 * pull). Not a mock: every call goes to the service.
 */
record HookedRemote(RemoteStore delegate, Runnable beforePush, Runnable afterPush, Runnable afterPull)
        implements RemoteStore {

    HookedRemote(RemoteStore delegate, Runnable afterPush, Runnable afterPull) {
        this(delegate, () -> { }, afterPush, afterPull);
    }

    HookedRemote(RemoteStore delegate, Runnable afterPush) {
        this(delegate, afterPush, () -> { });
    }

    /** The remote with a hook run just before each push is sent. */
    static HookedRemote beforePush(RemoteStore delegate, Runnable hook) {
        return new HookedRemote(delegate, hook, () -> { }, () -> { });
    }

    @Override
    public CountSpace countSpace() {
        return delegate.countSpace();
    }

    @Override
    public RemoteChanges listUpdates(DatasetKey key, SyncCount lastSyncCount) {
        RemoteChanges pulled = delegate.listUpdates(key, lastSyncCount);
        afterPull.run();
        return pulled;
    }

    @Override
    public PushResult putRecords(DatasetKey key, List<RecordPatch> patches) {
        beforePush.run();
        PushResult result = delegate.putRecords(key, patches);
        afterPush.run();
        return result;
    }

    @Override
    public boolean pushesAndPullsInOneCall() {
        return delegate.pushesAndPullsInOneCall();
    }

    @Override
    public RemoteSync pushAndPull(DatasetKey key, SyncCount lastSyncCount, List<RecordPatch> patches) {
        beforePush.run();
        RemoteSync result = delegate.pushAndPull(key, lastSyncCount, patches);
        afterPush.run();
        return result;
    }

    @Override
    public void deleteDataset(DatasetKey key) {
        delegate.deleteDataset(key);
    }

    @Override
    public List<DatasetMetadata> listDatasets(IdentityId identityId) {
        List<DatasetMetadata> listed = delegate.listDatasets(identityId);
        afterPull.run();
        return listed;
    }

    @Override
    public AutoCloseable subscribe(DatasetKey key, DatasetChangeListener listener) {
        return delegate.subscribe(key, listener);
    }

    @Override
    public AutoCloseable subscribeAll(IdentityId identity, DatasetChangeListener listener) {
        return delegate.subscribeAll(identity, listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
