package dev.syncshift.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A manager's synchronizes on its queue and the {@code synchronizeOnConnectivity} requests kept, one per dataset,
 * while the service cannot be reached: they run again when the app calls
 * {@link CognitoSyncManager#connectivityRestored()}, when the {@link ConnectivityRetry} timer fires, and when a
 * synchronize or a subscription reaches the service. Thread-safe.
 */
final class KeptRequests {

    private final CognitoSyncManager manager;
    private final SyncQueue queue;
    private final Map<String, Runnable> waitingForConnectivity = new ConcurrentHashMap<>();
    private final ConnectivityRetry connectivityRetry;

    KeptRequests(CognitoSyncManager manager, SyncQueue queue, Duration connectivityRetryInterval) {
        this.connectivityRetry = new ConnectivityRetry(connectivityRetryInterval, this::connectivityRestored);
        this.manager = manager;
        this.queue = queue;
    }

    /** Runs the synchronizes kept by {@link Dataset#synchronizeOnConnectivity} (the app knows the network is back). */
    void connectivityRestored() {
        List.copyOf(waitingForConnectivity.keySet()).forEach(this::runKept);
    }

    /** Runs the request kept for connectivity of dataset {@code name}, if one still is. */
    private void runKept(String name) {
        Runnable retry = waitingForConnectivity.remove(name);
        if (retry != null) {
            retry.run();
        }
    }

    /** Stops the timer; kept requests no longer run by themselves. */
    void close() {
        connectivityRetry.close();
    }

    void synchronize(DefaultDataset dataset, SyncCallback callback, boolean onConnectivity) {
        synchronize(dataset, callback, onConnectivity, true);
    }

    private void synchronize(DefaultDataset dataset, SyncCallback callback, boolean onConnectivity,
            boolean reportUnreachable) {
        SyncCallback watched = new ConnectivityWatch(callback, manager,
                onConnectivity ? () -> keepForConnectivity(dataset, callback, true) : null, reportUnreachable);
        boolean keptBefore = onConnectivity && !reportUnreachable;
        queue.submit(dataset.getDatasetName(), new SyncQueue.Job() {
            @Override
            public void run() {
                manager.runSynchronize(dataset, watched);
            }

            @Override
            public void refuse(DataStorageException reason) {
                watched.onFailure(reason);
            }

            /**
             * A kept request run again while one synchronize of the dataset runs and another waits stays kept (unless
             * the app kept a later one meanwhile), and runs once the waiting one starts: that one may not reach the
             * service (a subscription's, for a change the running one pulled), and nothing else may run it then.
             */
            @Override
            public void full(DataStorageException reason) {
                if (keptBefore) {
                    keepForConnectivity(dataset, callback, false);
                    queue.whenRoom(dataset.getDatasetName(), () -> runKept(dataset.getDatasetName()));
                } else {
                    refuse(reason);
                }
            }
        });
    }

    /** Keeps the request to run later, {@code replacing} the one kept for the dataset, or only when none is. */
    private void keepForConnectivity(DefaultDataset dataset, SyncCallback callback, boolean replacing) {
        Runnable again = () -> synchronize(dataset, callback, true, false);
        if (replacing) {
            waitingForConnectivity.put(dataset.getDatasetName(), again);
        } else {
            waitingForConnectivity.putIfAbsent(dataset.getDatasetName(), again);
        }
        connectivityRetry.kept();
    }

    /** A synchronize or a subscription reached the service: the requests kept so far run. */
    void reachedService() {
        if (!waitingForConnectivity.isEmpty()) {
            connectivityRestored();
        }
    }
}
