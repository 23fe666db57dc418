package dev.syncshift.migrator.job;

import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.report.RunReport;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a run, or continues one: the same command restarts the pool's last run of the same mode when it failed,
 * stopped, or died without ending (its process was killed), and starts a new run (the next run id) when the last
 * one completed and its report was written. The job's identifying parameters are the pool, the mode (with "-dry-run"
 * for a dry run) and the run id.
 */
@Component
public class RunLauncher {

    /** Job parameter: the identity pool. */
    public static final String POOL = "identityPoolId";
    /** Job parameter: the mode. */
    public static final String MODE = "mode";
    /** Job parameter: the run's number among the pool's runs of that mode. */
    public static final String RUN_ID = "runId";

    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunTables tables;

    RunLauncher(JobOperator operator, JobRepository repository, Job migrationJob, RunTables tables) {
        this.operator = operator;
        this.repository = repository;
        this.job = migrationJob;
        this.tables = tables;
    }

    /**
     * Runs to the end (completed, failed or stopped) and returns the execution; or returns the last execution, which
     * completed, when the run still owes its report ({@link RunTables#reportOwed}): its process ended before writing
     * it, and the caller writes it instead of starting the next run.
     *
     * @param ownsRepository whether no other process can be using the job repository (an H2 file this process has
     *     locked), so a run that never ended must have died and can be recovered
     * @throws RunInProgressException when the last run never ended and may still be running elsewhere
     */
    public JobExecution run(MigratorSettings settings, boolean ownsRepository) throws Exception {
        String mode = mode(settings);
        Optional<JobExecution> last = lastExecution(settings.identityPoolId(), mode);
        if (last.isPresent() && last.get().getStatus() == BatchStatus.COMPLETED
                && tables.reportOwed(last.get().getJobInstance().getInstanceId())) {
            LOG.warn("Run {} of pool {} ({}) completed, but its process ended before it wrote the run's report: "
                    + "writing it now, and starting nothing; run the command again for the next run",
                    last.get().getJobParameters().getLong(RUN_ID), settings.identityPoolId(), mode);
            return last.get();
        }
        if (last.isEmpty() || last.get().getStatus() == BatchStatus.COMPLETED
                || last.get().getStatus() == BatchStatus.ABANDONED) {
            long runId = last.map(e -> e.getJobParameters().getLong(RUN_ID) + 1).orElse(1L);
            LOG.info("Starting run {} of pool {} ({})", runId, settings.identityPoolId(), mode);
            return operator.start(job, parameters(settings.identityPoolId(), mode, runId));
        }
        JobExecution previous = last.get();
        if (previous.isRunning()) {
            if (!ownsRepository) {
                throw new RunInProgressException(previous);
            }
            LOG.warn("Run {} of pool {} never ended (its process died); recovering it",
                    previous.getJobParameters().getLong(RUN_ID), settings.identityPoolId());
            previous = operator.recover(previous);
        }
        LOG.info("Restarting run {} of pool {} ({}) after {}", previous.getJobParameters().getLong(RUN_ID),
                settings.identityPoolId(), mode, previous.getStatus());
        return operator.restart(previous);
    }

    /** The pool's last execution of {@code mode}, if any. */
    public Optional<JobExecution> lastExecution(String pool, String mode) {
        for (int start = 0; ; start += 100) {
            List<JobInstance> instances = repository.getJobInstances(MigrationJobConfiguration.JOB, start, 100);
            for (JobInstance instance : instances) {
                JobExecution last = repository.getLastJobExecution(instance);
                if (last != null && pool.equals(last.getJobParameters().getString(POOL))
                        && mode.equals(last.getJobParameters().getString(MODE))) {
                    return Optional.of(last);
                }
            }
            if (instances.size() < 100) {
                return Optional.empty();
            }
        }
    }

    /** The mode as the job parameter spells it. */
    public static String mode(MigratorSettings settings) {
        return settings.mode().option() + (settings.dryRun() ? RunReport.DRY_RUN : "");
    }

    private static JobParameters parameters(String pool, String mode, long runId) {
        return new JobParametersBuilder().addString(POOL, pool).addString(MODE, mode).addLong(RUN_ID, runId)
                .toJobParameters();
    }

    /** The last run never ended and another process may be running it. */
    public static final class RunInProgressException extends Exception {

        RunInProgressException(JobExecution execution) {
            super("run " + execution.getJobParameters().getLong(RUN_ID) + " of pool "
                    + execution.getJobParameters().getString(POOL) + " has not ended (started "
                    + execution.getStartTime() + ") and its process may still run it: a manager's run is taken over"
                    + " by the same command once the manager has been silent for --lost-after; --recover continues"
                    + " it at once, only when you know its process died (partitions still running would run twice)");
        }
    }
}
