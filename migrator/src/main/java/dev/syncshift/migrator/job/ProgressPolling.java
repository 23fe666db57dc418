package dev.syncshift.migrator.job;

import dev.syncshift.migrator.config.Timers;
import dev.syncshift.migrator.report.Progress;
import dev.syncshift.migrator.report.Tally;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Keeps {@link Progress} current while this process runs the job, from the job repository: the identities the
 * enumeration listed, whether it is done, and the identities and records the partitions committed, wherever they
 * run. So a manager, whose partitions run on workers, and a restarted run, whose earlier starts did part of the work,
 * show the whole run's progress, as the report counts it.
 */
final class ProgressPolling implements JobExecutionListener {

    /** How often the figures are read; the display shows them at its own pace. */
    static final Duration EVERY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ProgressPolling.class);

    private final Progress progress;
    private final RunTables tables;
    private final JobRepository repository;
    private @Nullable ScheduledExecutorService timer;

    ProgressPolling(Progress progress, RunTables tables, JobRepository repository) {
        this.progress = progress;
        this.tables = tables;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        progress.started(figures(execution));
        timer = Timers.daemon("syncshift-progress-poll");
        timer.scheduleWithFixedDelay(() -> refresh(execution), EVERY.toMillis(), EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (timer != null) {
            timer.shutdownNow();
        }
        refresh(execution);
    }

    private void refresh(JobExecution execution) {
        try {
            progress.update(figures(execution));
        } catch (RuntimeException e) { // the display keeps the last figures; the run itself reports the trouble
            LOG.debug("Cannot read the run's progress from the job repository", e);
        }
    }

    private Progress.Figures figures(JobExecution execution) {
        long instance = execution.getJobInstance().getInstanceId();
        RunTables.Listing listing = tables.listing(instance);
        Tally done = RunReports.runTally(repository, execution);
        return new Progress.Figures(listing.listed(), listing.done(), done.identities(), done.records());
    }
}
