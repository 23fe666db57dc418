package dev.syncshift.migrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Spring Batch saves the enumerate step COMPLETED before the listener's {@code afterStep} says DONE; a process killed
 * in between must not leave a restart's partitions waiting for an enumeration that the restart skips.
 */
class EnumerationListenerTest {

    private final JobParameters parameters = new JobParametersBuilder().addLong("run", 1L).toJobParameters();
    private JobRepository repository;
    private RunTables tables;
    private EnumerationListener listener;
    private JobInstance run;
    private JobExecution first;

    @BeforeEach
    void aRunWhoseEnumerationStarted() throws Exception {
        InMemoryJobRepository database = new InMemoryJobRepository("enumeration-listener");
        repository = database.repository;
        tables = new RunTables(database.dataSource);
        listener = new EnumerationListener(tables, repository);
        run = repository.createJobInstance("migrate", parameters);
        tables.partitions(run.getInstanceId(), 2);
        first = repository.createJobExecution(run, parameters, new ExecutionContext());
        listener.beforeJob(first);
    }

    @Test
    void killedAfterTheStepWasSavedCompletedButBeforeDoneTheRestartStartsFromDone() throws Exception {
        enumerateEndedAndTheProcessDied(BatchStatus.COMPLETED);
        assertThat(tables.enumeration(run.getInstanceId())).isEqualTo(RunTables.RUNNING);

        listener.beforeJob(repository.createJobExecution(run, parameters, new ExecutionContext()));

        assertThat(tables.enumeration(run.getInstanceId())).isEqualTo(RunTables.DONE);
    }

    @Test
    void killedWhileItRanTheRestartLeavesTheStateToTheStepItRunsAgain() throws Exception {
        enumerateEndedAndTheProcessDied(BatchStatus.FAILED);

        listener.beforeJob(repository.createJobExecution(run, parameters, new ExecutionContext()));

        assertThat(tables.enumeration(run.getInstanceId())).isEqualTo(RunTables.RUNNING);
    }

    /**
     * The split starts the copy's partitions with the enumeration: a partition that has caught up with the manifest
     * reads the state before the enumerate step starts again, and must not read the failure the restart is for.
     */
    @Test
    void failedAndToldSoTheRestartSaysRunningBeforeTheStepRunsAgain() throws Exception {
        StepExecution enumerate = repository.createStepExecution(EnumerationListener.STEP, first);
        listener.beforeStep(enumerate);
        enumerate.setStatus(BatchStatus.FAILED);
        enumerate.setEndTime(LocalDateTime.now());
        repository.update(enumerate);
        listener.afterStep(enumerate);
        first.setStatus(BatchStatus.FAILED);
        first.setEndTime(LocalDateTime.now());
        repository.update(first);
        assertThat(tables.enumeration(run.getInstanceId())).isEqualTo(RunTables.FAILED);

        listener.beforeJob(repository.createJobExecution(run, parameters, new ExecutionContext()));

        assertThat(tables.enumeration(run.getInstanceId())).isEqualTo(RunTables.RUNNING);
    }

    /** The step saved with {@code status} by Spring Batch, then the process gone before the listener's afterStep. */
    private void enumerateEndedAndTheProcessDied(BatchStatus status) {
        StepExecution enumerate = repository.createStepExecution(EnumerationListener.STEP, first);
        listener.beforeStep(enumerate);
        enumerate.setStatus(status);
        enumerate.setEndTime(LocalDateTime.now());
        repository.update(enumerate);
        first.setStatus(BatchStatus.FAILED);
        first.setEndTime(LocalDateTime.now());
        repository.update(first);
    }
}
