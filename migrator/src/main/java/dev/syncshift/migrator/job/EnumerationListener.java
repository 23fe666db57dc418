package dev.syncshift.migrator.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Tells the partitions following the manifest whether the enumeration is running, done or failed.
 *
 * <p>Spring Batch records the step COMPLETED before {@link #afterStep} runs. A process killed in between leaves the
 * state RUNNING, and a restart skips the completed step, so nothing would ever say DONE and the partitions would
 * wait for ever. As a job listener it therefore starts every execution from the repository's word: DONE when the
 * step has completed in an earlier execution of the run, RUNNING when it has not and this execution runs it again.
 * The split starts the copy's partitions with the enumeration, so a restart after the enumeration failed must not
 * leave its FAILED for them to read before the step's {@link #beforeStep} says RUNNING: a partition that had caught up
 * with the manifest would fail the restart for the failure it is there to get past.
 */
final class EnumerationListener implements StepExecutionListener, JobExecutionListener {

    static final String STEP = "enumerate";

    private final RunTables tables;
    private final JobRepository repository;

    EnumerationListener(RunTables tables, JobRepository repository) {
        this.tables = tables;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        StepExecution last = repository.getLastStepExecution(jobExecution.getJobInstance(), STEP);
        if (last == null || last.getStatus() == BatchStatus.ABANDONED) {
            return; // never run (its row says RUNNING from its start), or not to be run again
        }
        tables.enumeration(jobExecution.getJobInstance().getInstanceId(),
                last.getStatus() == BatchStatus.COMPLETED ? RunTables.DONE : RunTables.RUNNING);
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
