package dev.syncshift.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Passes a synchronize's callbacks on, noting whether the service was reached: a failure to reach it keeps a
 * {@code synchronizeOnConnectivity} request for later; any other outcome runs the requests kept so far. A kept
 * request's later runs are quiet while the service stays out of reach: the app heard of it at the first.
 */
final class ConnectivityWatch extends ForwardingSyncCallback {

    private final CognitoSyncManager manager;
    private final @Nullable Runnable keepForLater;
    private final boolean reportUnreachable;

    ConnectivityWatch(SyncCallback delegate, CognitoSyncManager manager, @Nullable Runnable keepForLater,
            boolean reportUnreachable) {
        super(delegate);
        this.manager = manager;
        this.keepForLater = keepForLater;
        this.reportUnreachable = reportUnreachable;
    }

    @Override
    public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
        try {
            super.onSuccess(dataset, updatedRecords);
        } finally {
            manager.reachedService();
        }
    }

    @Override
    public void onFailure(DataStorageException exception) {
        boolean unreachable = unreachable(exception);
        try {
            if (reportUnreachable || keepForLater == null || !unreachable) {
                super.onFailure(exception);
            }
        } finally {
            if (unreachable && keepForLater != null) {
                keepForLater.run();
            } else if (!unreachable) {
                manager.reachedService();
            }
        }
    }

    /**
     * Whether the service was out of reach: a {@link NetworkException}, or one behind the reports that stand for it
     * (local changes UTF-8 cannot carry, a dataset over the limits: the synchronize did not reach the service).
     */
    private static boolean unreachable(DataStorageException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof NetworkException) {
                return true;
            }
        }
        return false;
    }
}
