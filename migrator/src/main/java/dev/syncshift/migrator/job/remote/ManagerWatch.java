package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.Durations;
import dev.syncshift.migrator.config.Timers;
import dev.syncshift.migrator.job.FailedStepLog;
import dev.syncshift.migrator.job.MigrationJobConfiguration;
import dev.syncshift.migrator.job.RunLauncher;
import dev.syncshift.migrator.report.RunReport;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * While the manager's {@code copy} step waits for its partitions: beats for the run (so workers know the manager is
 * alive) and fails every partition whose worker stopped beating for {@code lostAfter}, so the step ends (failed)
 * instead of waiting forever; the same command then continues the run and sends those partitions again.
 */
final class ManagerWatch implements StepExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ManagerWatch.class);

    private final Heartbeats heartbeats;
    private final JobRepository repository;
    private final ClusterSettings cluster;
    private final RunStores stores;
    private @Nullable ScheduledExecutorService timer;
    private long copyStarted;
    private boolean idleChecked;

    ManagerWatch(Heartbeats heartbeats, JobRepository repository, ClusterSettings cluster, RunStores stores) {
        this.heartbeats = heartbeats;
        this.repository = repository;
        this.cluster = cluster;
        this.stores = stores;
    }

    @Override
    public void beforeStep(StepExecution copy) {
        long instance = copy.getJobExecution().getJobInstance().getInstanceId();
        long execution = copy.getJobExecutionId();
        heartbeats.beat(Heartbeats.MANAGER, instance, instance, Heartbeats.thisProcess());
        copyStarted = System.nanoTime();
        idleChecked = false;
        timer = Timers.daemon("syncshift-manager-watch");
        long period = cluster.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(() -> watch(instance, execution), period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution copy) {
        if (timer != null) {
            timer.shutdownNow();
        }
        heartbeats.end(Heartbeats.MANAGER, copy.getJobExecution().getJobInstance().getInstanceId());
        return copy.getExitStatus();
    }

    private void watch(long instance, long execution) {
        try {
            heartbeats.beat(Heartbeats.MANAGER, instance, instance, Heartbeats.thisProcess());
            heartbeats.lostPartitions(execution, cluster.lostAfter()).forEach(this::fail);
            if (!idleChecked && System.nanoTime() - copyStarted >= cluster.lostAfter().toNanos()) {
                idleChecked = true;
                warnIfNoWorkerTookAny(execution);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot reach the job repository to beat or look for lost workers: {}", e.getMessage());
        }
    }

    /**
     * Says, once the run has waited {@code lost-after}, that no worker took any of its partitions: workers of another
     * pool, table, region, endpoint or mode are there or none at all, and the manager would otherwise wait in silence.
     */
    private void warnIfNoWorkerTookAny(long execution) {
        JobExecution run = repository.getJobExecution(execution);
        if (run == null) {
            return;
        }
        List<StepExecution> partitions = run.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(MigrationJobConfiguration.WORKER + ":")).toList();
        if (partitions.isEmpty() || partitions.stream().anyMatch(step -> step.getStatus() != BatchStatus.STARTING)) {
            return;
        }
        String mode = run.getJobParameters().getString(RunLauncher.MODE, "");
        String options = mode.endsWith(RunReport.DRY_RUN)
                ? "--mode " + mode.substring(0, mode.length() - RunReport.DRY_RUN.length()) + " --dry-run"
                : "--mode " + mode;
        LOG.warn("No worker has taken any of the run's {} partitions in {}. A worker takes only runs of its own pool, "
                + "table, regions, endpoints and mode: start workers with this manager's --identity-pool-id, --table, "
                + "{}, --region and endpoints ({}) (the manager goes on waiting)", partitions.size(),
                Durations.shown(cluster.lostAfter()), options, stores.described());
    }

    private void fail(long stepExecution) {
        StepExecution partition = repository.getStepExecution(stepExecution);
        if (partition == null || partition.getStatus() != BatchStatus.STARTED) {
            return;
        }
        String why = "partition " + MigrationJobConfiguration.partitionOf(partition)
                + " lost its worker: no heartbeat for " + Durations.shown(cluster.lostAfter())
                + " (the worker died or lost the database)";
        LOG.warn("{}; it fails, and the same command continues it", capitalized(why));
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        partition.setEndTime(LocalDateTime.now());
        try {
            repository.update(partition);
        } catch (OptimisticLockingFailureException alive) {
            LOG.info("Partition {} was updated meanwhile: its worker is alive after all",
                    MigrationJobConfiguration.partitionOf(partition));
            return;
        }
        // The run's summary names the first such line of a failed partition (a worker's own failures say it too).
        FailedStepLog.keep(partition, why);
        repository.updateExecutionContext(partition);
        heartbeats.end(Heartbeats.PARTITION, stepExecution);
    }

    private static String capitalized(String line) {
        return Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }
}
