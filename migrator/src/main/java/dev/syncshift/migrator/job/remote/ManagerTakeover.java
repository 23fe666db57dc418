package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.job.RunLauncher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ApplicationContext;

/**
 * Whether a manager may recover the pool's last run although the job repository is shared: it may when that run
 * never ended and its manager stopped beating for {@code lostAfter} (the process died). It fails the dead manager's
 * enumeration, as the workers would; takes the manager's heartbeat row over in one conditional update, so that of
 * managers started at once only one continues the run (the others are refused as while the old one lived), and so
 * that workers do not take the old manager's silence for the new one's; and waits for the partitions still running
 * on live workers to end. Recovering the run fails every partition still marked running: one a worker still ran
 * would be sent again and run twice at once, the worker's own run ending UNKNOWN at its next commit, its work since
 * the last one done twice.
 */
public final class ManagerTakeover {

    private static final Logger LOG = LoggerFactory.getLogger(ManagerTakeover.class);

    private ManagerTakeover() {
    }

    /** True when this process is a manager and the manager of the pool's unfinished last run is gone. */
    public static boolean previousManagerGone(ApplicationContext context, MigratorSettings settings) {
        if (!context.getEnvironment().matchesProfiles("manager")) {
            return false;
        }
        Optional<JobExecution> last = context.getBean(RunLauncher.class)
                .lastExecution(settings.identityPoolId(), RunLauncher.mode(settings));
        if (last.isEmpty() || !last.get().isRunning()) {
            return false;
        }
        long instance = last.get().getJobInstance().getInstanceId();
        Heartbeats heartbeats = context.getBean(Heartbeats.class);
        ClusterSettings cluster = context.getBean(ClusterSettings.class);
        if (!heartbeats.managerGone(instance, cluster.lostAfter())) {
            return false;
        }
        // partitions waiting for identities the dead manager was listing end now, not once this one stops beating
        heartbeats.failEnumerationsOfLostManagers(List.of(instance), cluster.lostAfter());
        if (!heartbeats.takeOverManager(instance, cluster.lostAfter(), Heartbeats.thisProcess())) {
            return false; // another manager started at the same time took the run over: this one is refused
        }
        awaitLivePartitions(heartbeats, cluster, last.get());
        return true;
    }

    /** Waits, beating for the run, until no partition of {@code run} runs on a worker that still beats. */
    private static void awaitLivePartitions(Heartbeats heartbeats, ClusterSettings cluster, JobExecution run) {
        long instance = run.getJobInstance().getInstanceId();
        int live = heartbeats.livePartitions(run.getId(), cluster.lostAfter());
        if (live == 0) {
            return;
        }
        Long runId = run.getJobParameters().getLong(RunLauncher.RUN_ID);
        LOG.info("The manager of run {} is gone, but {} of its partitions still run on workers: waiting for them to "
                + "end (they finish their identities) before continuing the run", runId, live);
        try {
            while (live > 0) {
                TimeUnit.MILLISECONDS.sleep(cluster.pollInterval().toMillis());
                heartbeats.beat(Heartbeats.MANAGER, instance, instance, Heartbeats.thisProcess());
                live = heartbeats.livePartitions(run.getId(), cluster.lostAfter());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the partitions of run " + runId, e);
        }
        LOG.info("The partitions of run {} that were running on workers have ended", runId);
    }
}
