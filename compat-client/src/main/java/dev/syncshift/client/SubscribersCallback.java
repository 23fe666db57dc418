package dev.syncshift.client;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One synchronize reported to every subscription listening to its dataset: the first (the dataset's first own) settles
 * conflicts, deletions and merges, as a synchronize has one decider; all of them hear how it ended. A callback that
 * throws is logged and does not keep the others from hearing.
 */
final class SubscribersCallback extends ForwardingSyncCallback {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribersCallback.class);

    private final List<SyncCallback> all;

    /** Reports to {@code all}, the first deciding; {@code all} is not empty. */
    SubscribersCallback(List<SyncCallback> all) {
        super(all.get(0));
        this.all = List.copyOf(all);
    }

    @Override
    public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
        all.forEach(callback -> tell(() -> callback.onSuccess(dataset, updatedRecords)));
    }

    @Override
    public void onFailure(DataStorageException exception) {
        all.forEach(callback -> tell(() -> callback.onFailure(exception)));
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a subscription's callback threw", e);
        }
    }
}
