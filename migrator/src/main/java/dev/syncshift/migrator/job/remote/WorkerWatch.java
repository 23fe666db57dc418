package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.CallStats;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A worker's heartbeat: every partition it runs has a row it refreshes every {@code heartbeat}, removed when the
 * partition ends. It also watches the managers of its partitions: when one stopped beating for {@code lostAfter}
 * while its enumeration was still running, it marks that enumeration failed, so partitions waiting for identities
 * that will never come fail (and continue when the manager is started again) instead of waiting forever.
 * When the worker is stopped (SIGTERM, as a container platform stops it), it asks every running partition to end
 * and waits up to {@link #STOP_WAIT} for them: each fails at its next identity (the manifest reader checks), so the
 * job repository says at once that the run is incomplete, and the same command continues it — rather than the
 * manager counting the worker lost after {@code lostAfter}.
 * Thread-safe: one instance serves every partition thread of the worker.
 */
final class WorkerWatch implements StepExecutionListener, ApplicationListener<ContextClosedEvent>, AutoCloseable {

    /** How long a stopping worker waits for its partitions to end (below the 30 s grace of common platforms). */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(WorkerWatch.class);

    private final Heartbeats heartbeats;
    private final ClusterSettings cluster;
    private final CallStats calls;
    private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "syncshift-worker-watch");
        thread.setDaemon(true);
        return thread;
    });

    WorkerWatch(Heartbeats heartbeats, ClusterSettings cluster, CallStats calls) {
        this.heartbeats = heartbeats;
        this.cluster = cluster;
        this.calls = calls;
        long period = cluster.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void beforeStep(StepExecution partition) {
        long instance = partition.getJobExecution().getJobInstance().getInstanceId();
        heartbeats.beat(Heartbeats.PARTITION, partition.getId(), instance, Heartbeats.thisProcess());
        running.put(partition.getId(), partition);
        if (stopping) {
            partition.setTerminateOnly();
        }
        LOG.info("Running partition {} of run {}", partition.getStepName(), instance);
    }

    @Override
    public ExitStatus afterStep(StepExecution partition) {
        heartbeats.end(Heartbeats.PARTITION, partition.getId());
        LOG.info("Partition {} ended {}: {} identities; this worker's calls so far: {}", partition.getStepName(),
                partition.getStatus(), partition.getReadCount(), callCounts());
        synchronized (running) {
            running.remove(partition.getId());
            running.notifyAll();
        }
        return partition.getExitStatus();
    }

    /** The worker is stopping: its running partitions are asked to end, and it waits for them (bounded). */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopping = true;
        if (running.isEmpty()) {
            return;
        }
        LOG.warn("Stopping: asking {} running partition(s) to end; the run continues when it is restarted",
                running.size());
        running.values().forEach(StepExecution::setTerminateOnly);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        synchronized (running) {
            try {
                while (!running.isEmpty() && deadline - System.nanoTime() > 0) {
                    running.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!running.isEmpty()) {
            LOG.warn("{} partition(s) did not end within {}; the manager counts them lost after {}", running.size(),
                    STOP_WAIT, cluster.lostAfter());
        }
    }

    /** {@code Operation=calls/throttled} for every operation this process called, e.g. {@code ListRecords=90/0}. */
    private String callCounts() {
        StringBuilder counts = new StringBuilder();
        calls.snapshot().forEach((operation, c) -> counts.append(counts.isEmpty() ? "" : " ").append(operation)
                .append('=').append(c.calls()).append('/').append(c.throttled()));
        return counts.toString();
    }

    private void watch() {
        if (running.isEmpty()) {
            return;
        }
        try {
            heartbeats.beatPartitions(running.keySet());
            Set<Long> runs = new HashSet<>();
            running.values().forEach(partition -> runs.add(partition.getJobExecution().getJobInstance()
                    .getInstanceId()));
            if (heartbeats.failEnumerationsOfLostManagers(runs, cluster.lostAfter()) > 0) {
                LOG.warn("The manager of a run stopped beating for {}: its partitions stop here; start the manager "
                        + "again to continue", cluster.lostAfter());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot reach the job repository to beat: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
