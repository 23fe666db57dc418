package dev.syncshift.migrator.job;

import dev.syncshift.migrator.source.PoolDeletedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Says in one line why a step of the run failed (a partition, or the enumeration): a call that failed after every
 * retry, as a role without a permission or a source that keeps answering 500 makes it. Spring Batch's own error logs
 * of a failed step, a stack trace each with every attempt of the call, are turned off in
 * {@code application.properties}; the stack trace is logged here at DEBUG
 * ({@code LOGGING_LEVEL_DEV_SYNCSHIFT_MIGRATOR_JOB=DEBUG}). Stateless.
 */
public final class FailedStepLog implements StepExecutionListener {

    /**
     * The step execution context's key of its first failure's one line: the repository keeps it (unlike the
     * exception), so that a manager can say why a worker's partition failed.
     */
    static final String FAILURE = "syncshift.failure";

    private static final Logger LOG = LoggerFactory.getLogger(FailedStepLog.class);

    FailedStepLog() {
    }

    /**
     * Keeps {@code line} as why {@code step} failed, unless it has a reason already, in its execution context (the
     * caller saves the context): the run's summary gives the first kept reason of a failed step.
     */
    public static void keep(StepExecution step, String line) {
        if (!step.getExecutionContext().containsKey(FAILURE)) {
            step.getExecutionContext().putString(FAILURE, line);
        }
    }

    /**
     * Forgets the reason an earlier start of a continued run kept: Spring Batch hands a restarted step the execution
     * context its last execution left, so that reason would stand for this start's failure.
     */
    @Override
    public void beforeStep(StepExecution step) {
        step.getExecutionContext().remove(FAILURE);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() == BatchStatus.FAILED) {
            for (Throwable failure : step.getFailureExceptions()) {
                String message = RunReports.rootMessage(failure);
                LOG.error("{} failed: {}{}", name(step), message,
                        poolGone(failure) ? "" : "; run the same command again to continue");
                LOG.debug("{} failed", name(step), failure);
                keep(step, message);
            }
        }
        return step.getExitStatus();
    }

    /**
     * Whether the pool itself was deleted (the listing of identities or a partition found it gone): running the
     * command again cannot continue the run.
     */
    private static boolean poolGone(Throwable failure) {
        return RunReports.root(failure) instanceof PoolDeletedException;
    }

    private static String name(StepExecution step) {
        return step.getStepName().startsWith(MigrationJobConfiguration.WORKER)
                ? "Partition " + MigrationJobConfiguration.partitionOf(step) : "The enumeration of identities";
    }
}
