package dev.syncshift.migrator.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Tells the partitions following the manifest whether the enumeration is running, done or failed. */
final class EnumerationListener implements StepExecutionListener {

    private final RunTables tables;

    EnumerationListener(RunTables tables) {
        this.tables = tables;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        tables.enumeration(jobInstance(stepExecution), RunTables.RUNNING);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        boolean done = stepExecution.getStatus() == BatchStatus.COMPLETED;
        tables.enumeration(jobInstance(stepExecution), done ? RunTables.DONE : RunTables.FAILED);
        return stepExecution.getExitStatus();
    }

    private static long jobInstance(StepExecution stepExecution) {
        return stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }
}
