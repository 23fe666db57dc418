package dev.syncshift.migrator.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.source.ListedIdentity;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A process killed while Spring Batch splits the copy into partitions. The splitter creates each partition's step
 * execution and then saves its execution context, two writes; killed between them, a partition's step execution is
 * left with an empty context, and every restart hands that partition the same empty context again. The run must still
 * finish: the partition is known by its step execution's name.
 */
class KilledWhileSplittingTest {

    private static final int PARTITIONS = 2;

    @Test
    void aPartitionWhoseContextWasNeverSavedIsCopiedWhenTheRunRestarts() throws Exception {
        InMemoryJobRepository database = new InMemoryJobRepository("killed-while-splitting");
        JobRepository repository = database.repository;
        JobParameters parameters = new JobParameters();
        JobInstance instance = repository.createJobInstance(MigrationJobConfiguration.JOB, parameters);
        RunTables tables = new RunTables(database.dataSource);
        tables.partitions(instance.getInstanceId(), PARTITIONS);
        tables.addToManifest(instance.getInstanceId(), PARTITIONS, List.of(listed(0), listed(1), listed(2),
                listed(3)));
        tables.enumeration(instance.getInstanceId(), RunTables.DONE);
        killedAfterCreatingTheSecondPartition(repository, instance, parameters);

        JobExecution restart = repository.createJobExecution(instance, parameters, new ExecutionContext());
        Set<StepExecution> partitions = new SimpleStepExecutionSplitter(repository, MigrationJobConfiguration.WORKER,
                grid -> MigrationJobConfiguration.partitionContexts(PARTITIONS))
                .split(repository.createStepExecution("copy", restart), PARTITIONS);

        StepExecution second = partitions.stream().filter(step -> step.getStepName().endsWith("partition1"))
                .findFirst().orElseThrow();
        assertThat(second.getExecutionContext().isEmpty()).as("the empty context Spring Batch hands over").isTrue();
        assertThat(partitions.stream().sorted(Comparator.comparing(StepExecution::getStepName)).map(
                step -> read(tables, step))).containsExactly(List.of(0L, 2L), List.of(1L, 3L));
    }

    @Test
    void aStepExecutionWithNeitherContextNorPartitionNameIsRefused() {
        JobExecution run = new JobExecution(3, new JobInstance(7, MigrationJobConfiguration.JOB), new JobParameters());

        assertThatThrownBy(() -> MigrationJobConfiguration.partitionOf(new StepExecution(11, "copy", run)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("names no partition");
        assertThatThrownBy(() -> MigrationJobConfiguration.partitionOf(
                new StepExecution(12, MigrationJobConfiguration.WORKER + ":partitionX", run)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The first process: partition 0 split whole, partition 1's step execution created, then SIGKILL. */
    private static void killedAfterCreatingTheSecondPartition(JobRepository repository, JobInstance instance,
            JobParameters parameters) {
        JobExecution first = repository.createJobExecution(instance, parameters, new ExecutionContext());
        List<StepExecution> steps = new ArrayList<>();
        steps.add(repository.createStepExecution("copy", first));
        StepExecution partition0 = repository.createStepExecution(MigrationJobConfiguration.WORKER + ":partition0",
                first);
        partition0.setExecutionContext(MigrationJobConfiguration.partitionContexts(PARTITIONS).get("partition0"));
        repository.updateExecutionContext(partition0);
        steps.add(partition0);
        steps.add(repository.createStepExecution(MigrationJobConfiguration.WORKER + ":partition1", first));
        // what the migrator's recovery records for a run whose process died (RunLauncher)
        for (StepExecution step : steps) {
            step.setStatus(BatchStatus.FAILED);
            step.setEndTime(LocalDateTime.now());
            repository.update(step);
        }
        first.setStatus(BatchStatus.FAILED);
        first.setEndTime(LocalDateTime.now());
        repository.update(first);
    }

    private static List<Long> read(RunTables tables, StepExecution step) {
        ManifestReader reader = new ManifestReader(tables, step, Duration.ofMillis(10));
        reader.open(step.getExecutionContext());
        List<Long> positions = new ArrayList<>();
        for (ListedIdentity identity = next(reader); identity != null; identity = next(reader)) {
            positions.add(identity.position());
        }
        return positions;
    }

    private static ListedIdentity next(ManifestReader reader) {
        try {
            return reader.read();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ListedIdentity listed(long position) {
        return new ListedIdentity(position, new IdentityId("us-east-1:00000000-0000-4000-8000-00000000000" + position));
    }
}
