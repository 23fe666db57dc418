package dev.syncshift.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Runs synchronizes on the executor, one at a time per dataset name, with at most one waiting: a further request is
 * refused at once (AWS's iOS client did the same), joins the waiting one when it can (a subscription's notice), or
 * is kept for later by its own means (a request kept for connectivity, which {@link #whenRoom} runs again).
 * Once closed it refuses what waits and what comes, and lets what runs end.
 */
final class SyncQueue {

    private final Executor executor;
    private final Map<String, Slot> slots = new HashMap<>();
    /** Set on an executor thread while it runs one of this queue's jobs (whose callback may close the manager). */
    private final ThreadLocal<Boolean> inJob = ThreadLocal.withInitial(() -> false);
    private boolean closed;
    private int running;

    SyncQueue(Executor executor) {
        this.executor = executor;
    }

    /** A synchronize to run, or to refuse. */
    interface Job {
        void run();

        void refuse(DataStorageException reason);

        /**
         * This job comes while {@code waiting} waits: the one job to wait in place of both, or null to refuse this
         * one (an app's synchronize, by default).
         */
        default @Nullable Job joining(Job waiting) {
            return null;
        }

        /** One job runs and another waits, and this one did not join it: refused, by default. */
        default void full(DataStorageException reason) {
            refuse(reason);
        }
    }

    /** Queues {@code job} for {@code datasetName}; when one already waits, {@code job} joins it or is refused. */
    synchronized void submit(String datasetName, Job job) {
        if (closed) {
            job.refuse(closedError());
            return;
        }
        Slot slot = slots.computeIfAbsent(datasetName, n -> new Slot());
        if (!slot.running) {
            start(slot, job);
        } else if (slot.waiting == null) {
            slot.waiting = job;
        } else {
            Job joined = job.joining(slot.waiting);
            if (joined != null) {
                slot.waiting = joined;
            } else {
                job.full(new DataStorageException("A synchronize of dataset " + datasetName
                        + " is already running and another is waiting; try again when one ends"));
            }
        }
    }

    /**
     * Runs {@code action} once dataset {@code datasetName}'s queue has room again for a waiting synchronize: when the
     * one waiting now starts, or at once when none waits. Not run once the queue is closed.
     */
    void whenRoom(String datasetName, Runnable action) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Slot slot = slots.get(datasetName);
            if (slot != null && slot.waiting != null) {
                slot.onRoom.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * Refuses the waiting synchronizes and every later one, then waits for the running ones to end (but the one that
     * called, from a callback).
     *
     * @return whether they ended within {@code timeout}
     */
    boolean close(Duration timeout) throws InterruptedException {
        List<Job> refused = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Slot slot : slots.values()) {
                if (slot.waiting != null) {
                    refused.add(slot.waiting);
                    slot.waiting = null;
                }
            }
        }
        refused.forEach(job -> job.refuse(closedError()));
        long deadline = System.nanoTime() + timeout.toNanos();
        int own = inJob.get() ? 1 : 0;
        synchronized (this) {
            while (running > own) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(left / 1_000_000 + 1);
            }
        }
        return true;
    }

    private void start(Slot slot, Job job) {
        slot.running = true;
        running++;
        try {
            executor.execute(() -> {
                inJob.set(true);
                try {
                    job.run();
                } finally {
                    inJob.set(false);
                    next(slot);
                }
            });
        } catch (RejectedExecutionException e) {
            ended(slot);
            job.refuse(new DataStorageException("The executor given to the CognitoSyncManager refused the "
                    + "synchronize: " + e.getMessage(), e));
        }
    }

    private void next(Slot slot) {
        List<Runnable> room;
        synchronized (this) {
            Job waiting = slot.waiting;
            slot.waiting = null;
            ended(slot);
            if (waiting != null) {
                start(slot, waiting);
            }
            room = closed ? List.of() : List.copyOf(slot.onRoom);
            slot.onRoom.clear();
        }
        room.forEach(Runnable::run);
    }

    private void ended(Slot slot) {
        slot.running = false;
        running--;
        notifyAll();
    }

    private static DataStorageException closedError() {
        return new DataStorageException("The CognitoSyncManager is closed");
    }

    private static final class Slot {
        private boolean running;
        private @Nullable Job waiting;
        /** What runs once the waiting job starts ({@link #whenRoom}). */
        private final List<Runnable> onRoom = new ArrayList<>();
    }
}
