package dev.syncshift.migrator.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Records, as each execution of a run starts, that the run's report is owed ({@link RunTables#reportDue}): a process
 * that ends between the run's completion and its report leaves the run owing it, and the same command writes it
 * ({@link RunLauncher}).
 */
final class ReportDue implements JobExecutionListener {

    private final RunTables tables;

    ReportDue(RunTables tables) {
        this.tables = tables;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        tables.reportDue(jobExecution.getJobInstance().getInstanceId());
    }
}
