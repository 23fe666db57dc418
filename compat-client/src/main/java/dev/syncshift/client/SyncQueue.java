package dev.syncshift.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Runs synchronizes on the executor, one at a time per dataset name, with at most one waiting: a further request is
 * refused at once (AWS's iOS client did the same), or, for a subscription's catch-up, merged into the waiting one.
 */
final class SyncQueue {

    private final Executor executor;
    private final Map<String, Slot> slots = new HashMap<>();

    SyncQueue(Executor executor) {
        this.executor = executor;
    }

    /** A synchronize to run, or to refuse. */
    interface Job {
        void run();

        void refuse(DataStorageException reason);
    }

    /**
     * Queues {@code job} for {@code datasetName}.
     *
     * @param coalesce when true and a job already waits, drop this one silently (the waiting one catches up)
     */
    synchronized void submit(String datasetName, Job job, boolean coalesce) {
        Slot slot = slots.computeIfAbsent(datasetName, n -> new Slot());
        if (!slot.running) {
            slot.running = true;
            start(datasetName, job);
        } else if (slot.waiting == null) {
            slot.waiting = job;
        } else if (!coalesce) {
            job.refuse(new DataStorageException("A synchronize of dataset " + datasetName
                    + " is already running and another is waiting; try again when one ends"));
        }
    }

    private void start(String datasetName, Job job) {
        executor.execute(() -> {
            try {
                job.run();
            } finally {
                next(datasetName);
            }
        });
    }

    private synchronized void next(String datasetName) {
        // A job runs in its dataset's slot, and slots are never removed.
        Slot slot = Objects.requireNonNull(slots.get(datasetName), "a running job's slot");
        Job waiting = slot.waiting;
        slot.waiting = null;
        if (waiting == null) {
            slot.running = false;
            return;
        }
        start(datasetName, waiting);
    }

    private static final class Slot {
        private boolean running;
        private @Nullable Job waiting;
    }
}
