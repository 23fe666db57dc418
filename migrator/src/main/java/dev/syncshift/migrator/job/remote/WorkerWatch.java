package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.CallStats;
import dev.syncshift.migrator.config.Durations;
import dev.syncshift.migrator.config.Timers;
import dev.syncshift.migrator.job.RunningSteps;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * and waits up to {@link RunningSteps#STOP_WAIT} for them: each fails at its next identity (the manifest reader
 * checks), so the job repository says at once that the run is incomplete, and the same command continues it — rather
 * than the manager counting the worker lost after {@code lostAfter}. {@link RunningSteps} keeps the partitions
 * running here and ends them.
 * Thread-safe: one instance serves every partition thread of the worker.
 */
final class WorkerWatch implements StepExecutionListener, ApplicationListener<ContextClosedEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerWatch.class);

    private final Heartbeats heartbeats;
    private final ClusterSettings cluster;
    private final CallStats calls;
    private final RunningSteps partitions = new RunningSteps();
    private final ScheduledExecutorService timer = Timers.daemon("syncshift-worker-watch");

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
        partitions.started(partition);
        LOG.info("Running partition {} of run {}", partition.getStepName(), instance);
    }

    @Override
    public ExitStatus afterStep(StepExecution partition) {
        heartbeats.end(Heartbeats.PARTITION, partition.getId());
        LOG.info("Partition {} ended {}: {} identities; this worker's calls so far: {}", partition.getStepName(),
                partition.getStatus(), partition.getReadCount(), callCounts());
        partitions.ended(partition);
        return partition.getExitStatus();
    }

    /** The worker is stopping: its running partitions are asked to end, and it waits for them (bounded). */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        List<StepExecution> stopped = partitions.stop();
        if (stopped.isEmpty()) {
            return;
        }
        LOG.warn("Stopping: asking {} running partition(s) to end; the run continues when it is restarted",
                stopped.size());
        try {
            if (!partitions.awaitNone(RunningSteps.STOP_WAIT)) {
                LOG.warn("{} partition(s) did not end within {}; the manager counts them lost after {}",
                        partitions.running().size(), Durations.shown(RunningSteps.STOP_WAIT),
                        Durations.shown(cluster.lostAfter()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        List<StepExecution> running = partitions.running();
        if (running.isEmpty()) {
            return;
        }
        try {
            heartbeats.beatPartitions(running.stream().map(StepExecution::getId).toList());
            Set<Long> runs = new HashSet<>();
            running.forEach(partition -> runs.add(partition.getJobExecution().getJobInstance().getInstanceId()));
            if (heartbeats.failEnumerationsOfLostManagers(runs, cluster.lostAfter()) > 0) {
                LOG.warn("The manager of a run stopped beating for {}: its partitions stop here; start the manager "
                        + "again to continue", Durations.shown(cluster.lostAfter()));
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
