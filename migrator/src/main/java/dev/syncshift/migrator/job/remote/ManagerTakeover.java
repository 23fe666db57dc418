package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.job.RunLauncher;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ApplicationContext;

/**
 * Whether a manager may recover the pool's last run although the job repository is shared: it may when that run
 * never ended and its manager stopped beating for {@code lostAfter} (the process died). It then beats for the run
 * at once, before the run restarts, so workers do not take the old manager's silence for the new one's.
 */
public final class ManagerTakeover {

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
        if (!heartbeats.managerGone(instance, context.getBean(ClusterSettings.class).lostAfter())) {
            return false;
        }
        heartbeats.beat(Heartbeats.MANAGER, instance, instance, Heartbeats.thisProcess());
        return true;
    }
}
