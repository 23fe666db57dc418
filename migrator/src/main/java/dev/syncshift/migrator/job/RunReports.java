package dev.syncshift.migrator.job;

import dev.syncshift.migrator.config.CallStats;
import dev.syncshift.migrator.report.Issue;
import dev.syncshift.migrator.report.RunReport;
import dev.syncshift.migrator.report.Tally;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/** Builds a run's report from the job repository (counts of every execution of the run) and this process. */
public final class RunReports {

    private static final Logger LOG = LoggerFactory.getLogger(RunReports.class);

    private RunReports() {
    }

    /**
     * The report of {@code execution}.
     *
     * @param exitCode the exit code decided for it
     * @param outcome what the exit code means
     */
    public static RunReport of(JobExecution execution, JobRepository repository, RunTables tables, CallStats calls,
            MeterRegistry meters, int exitCode, String outcome) {
        long instance = execution.getJobInstance().getInstanceId();
        // a start killed after settling a conflict in the store recorded it ahead, but its chunk's counts are lost
        Tally tally = runTally(repository, execution).withConflicts(tables.issueCount(instance, Issue.Kind.CONFLICT));
        List<Issue> issues = tables.issues(instance, RunReport.MAX_LISTED);
        long issueCount = tally.failures() + tally.mismatches() + tally.conflicts() + tally.identitiesPassedOver();
        LocalDateTime start = execution.getStartTime() == null ? LocalDateTime.now() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        String failure = switch (execution.getStatus()) {
            case COMPLETED -> null;
            case STOPPED -> "stopped before its end: " + execution.getExecutionContext().getString(
                    RunStop.STOPPED_BECAUSE, "a process running it was asked to stop");
            default -> firstFailure(execution, repository);
        };
        return new RunReport(execution.getJobParameters().getString(RunLauncher.POOL),
                execution.getJobParameters().getString(RunLauncher.MODE),
                execution.getJobParameters().getLong(RunLauncher.RUN_ID), execution.getStatus().name(), outcome,
                exitCode, start.atZone(ZoneId.systemDefault()).toInstant(), Duration.between(start, end),
                tally.minus(tallyBefore(repository, execution)), tally,
                calls.snapshot(), issues, Math.max(issueCount, issues.size()), failure, measurements(meters));
    }

    /**
     * Why {@code execution} failed: the line {@link FailedStepLog} kept for a step that did the work (a partition or
     * the enumeration, here or on a worker: the repository holds both), before Spring Batch's own exceptions, which
     * it lists in no fixed order and which for a partitioned step only say that a partition failed.
     */
    private static String firstFailure(JobExecution execution, JobRepository repository) {
        execution.getAllFailureExceptions().forEach(failure -> LOG.debug("Run failure", failure));
        JobExecution stored = repository.getJobExecution(execution.getId());
        return workSteps(stored == null ? execution : stored)
                .map(step -> step.getExecutionContext().getString(FailedStepLog.FAILURE, ""))
                .filter(line -> !line.isEmpty()).findFirst()
                .or(() -> execution.getAllFailureExceptions().stream().map(RunReports::rootMessage).findFirst())
                .orElse("the run ended " + execution.getStatus());
    }

    /** The steps of {@code execution} that did the work: its partitions and its enumeration. */
    private static Stream<StepExecution> workSteps(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(MigrationJobConfiguration.WORKER + ":")
                        || step.getStepName().equals(EnumerationListener.STEP));
    }

    /** The counts of {@code execution}'s run: every partition's, over every execution of the run. */
    static Tally runTally(JobRepository repository, JobExecution execution) {
        return partitionTallies(repository, execution, Long.MAX_VALUE);
    }

    /** The counts of {@code execution}'s run as the run's earlier executions left them. */
    private static Tally tallyBefore(JobRepository repository, JobExecution execution) {
        return partitionTallies(repository, execution, execution.getId());
    }

    /** The sum of each partition's cumulative counts: those of its latest execution before {@code beforeId}. */
    private static Tally partitionTallies(JobRepository repository, JobExecution current, long beforeId) {
        Map<String, StepExecution> latest = new HashMap<>();
        for (JobExecution execution : repository.getJobExecutions(current.getJobInstance())) {
            if (execution.getId() >= beforeId) {
                continue;
            }
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStepName().startsWith(MigrationJobConfiguration.WORKER + ":")) {
                    latest.merge(step.getStepName(), step, (a, b) -> a.getId() >= b.getId() ? a : b);
                }
            }
        }
        return latest.values().stream().map(step -> Tally.from(step.getExecutionContext()))
                .reduce(Tally.ZERO, Tally::plus);
    }

    /** Every {@code spring.batch.*} and {@code syncshift.*} meter, as "name{tags}" to statistic to value. */
    private static Map<String, Map<String, Double>> measurements(MeterRegistry meters) {
        Map<String, Map<String, Double>> all = new HashMap<>();
        for (Meter meter : meters.getMeters()) {
            String name = meter.getId().getName();
            if (!name.startsWith("spring.batch.") && !name.startsWith("syncshift.")) {
                continue;
            }
            Map<String, Double> values = new HashMap<>();
            meter.measure().forEach(m -> values.put(m.getStatistic().getTagValueRepresentation(), m.getValue()));
            String tags = meter.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue())
                    .reduce((a, b) -> a + "," + b).map(t -> "{" + t + "}").orElse("");
            all.put(name + tags, values);
        }
        return all;
    }

    /**
     * The first line of the message of {@code failure}'s root cause (its class name when it has none); a file the
     * system refused is named with the reason in words ({@link #fileProblem}), where Java's message is the name only.
     */
    public static String rootMessage(Throwable failure) {
        Throwable root = root(failure);
        if (root instanceof FileSystemException refused && refused.getFile() != null) {
            return refused.getFile() + ": " + fileProblem(refused);
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Why the system refused a file, in words and without the file's name: its own reason when it gave one (such
     * as {@code Read-only file system}), else the kind of refusal.
     */
    public static String fileProblem(IOException failure) {
        if (failure instanceof FileSystemException refused && refused.getReason() != null) {
            return refused.getReason();
        }
        if (failure instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (failure instanceof NotDirectoryException) {
            return "not a folder";
        }
        String message = failure instanceof FileSystemException || failure.getMessage() == null
                ? "the file system refused it" : failure.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The innermost cause of {@code failure}. */
    static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
