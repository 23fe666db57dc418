package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.CallStats;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * A worker's heartbeat: every partition it runs has a row it refreshes every {@code heartbeat}, removed when the
 * partition ends. It also watches the managers of its partitions: when one stopped beating for {@code lostAfter}
 * while its enumeration was still running, it marks that enumeration failed, so partitions waiting for identities
 * that will never come fail (and continue when the manager is started again) instead of waiting forever.
 * Thread-safe: one instance serves every partition thread of the worker.
 */
final class WorkerWatch implements StepExecutionListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerWatch.class);

    private final Heartbeats heartbeats;
    private final ClusterSettings cluster;
    private final CallStats calls;
    private final Map<Long, Long> running = new ConcurrentHashMap<>();
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
        running.put(partition.getId(), instance);
        LOG.info("Running partition {} of run {}", partition.getStepName(), instance);
    }

    @Override
    public ExitStatus afterStep(StepExecution partition) {
        running.remove(partition.getId());
        heartbeats.end(Heartbeats.PARTITION, partition.getId());
        LOG.info("Partition {} ended {}: {} identities; this worker's calls so far: {}", partition.getStepName(),
                partition.getStatus(), partition.getReadCount(), callCounts());
        return partition.getExitStatus();
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
            if (heartbeats.failEnumerationsOfLostManagers(new HashSet<>(running.values()), cluster.lostAfter()) > 0) {
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
