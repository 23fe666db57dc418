package dev.syncshift.migrator.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.step.StepExecution;

/**
 * The step executions running in this process, and the way a stopping process ends them rather than leave them
 * unended in the job repository: each is asked to end ({@link StepExecution#setTerminateOnly()}: a chunk step after
 * its chunk, a partition's manifest reader at its next identity), and so is every step that starts afterwards. Used
 * by a local run or a manager ({@link RunStop}) and by a worker ({@code WorkerWatch}). Thread-safe.
 */
public final class RunningSteps {

    /** How long a stopping process waits for its steps (below the 30 s grace of common platforms). */
    public static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** {@code step} started here; it is asked to end at once when the process is stopping. */
    public void started(StepExecution step) {
        running.put(step.getId(), step);
        if (stopping) {
            step.setTerminateOnly();
        }
    }

    /** {@code step} ended. */
    public void ended(StepExecution step) {
        synchronized (running) {
            running.remove(step.getId());
            running.notifyAll();
        }
    }

    /** The steps running now. */
    public List<StepExecution> running() {
        return List.copyOf(running.values());
    }

    /**
     * The process is stopping: every step running now, and every one that starts later, is asked to end.
     *
     * @return the steps that were running
     */
    public List<StepExecution> stop() {
        stopping = true;
        List<StepExecution> now = running();
        now.forEach(StepExecution::setTerminateOnly);
        return now;
    }

    /** Waits until no step runs here; false when {@code timeout} passed first. */
    public boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                running.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }
}
