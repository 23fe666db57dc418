package dev.syncshift.migrator.job;

import dev.syncshift.migrator.config.Durations;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Ends the run of this process when the process is stopped (SIGTERM, as a platform stops a container, or Ctrl-C), so
 * that the job repository says at once that the run is incomplete: the steps running here are asked to end
 * ({@link RunningSteps}: the enumeration after its chunk, each partition at its next identity, as a stopping
 * worker's are), and the stop waits up to {@link RunningSteps#STOP_WAIT} for the run to end and its report to be
 * written ({@link #reported}). The same command then continues the run as a stopped one, without recovering a run
 * whose process died (which a shared job repository leaves to the next manager's takeover, or {@code --recover}). A
 * manager whose enumeration has ended runs no step here: it stops as before, and its workers' partitions continue.
 * Thread-safe.
 */
@Component
public final class RunStop implements StepExecutionListener, ApplicationListener<ContextClosedEvent> {

    /** Where the run keeps why {@link #stop(String)} stopped it, for its report. */
    static final String STOPPED_BECAUSE = "syncshift.stoppedBecause";

    private static final Logger LOG = LoggerFactory.getLogger(RunStop.class);

    private final RunningSteps steps = new RunningSteps();
    private final CountDownLatch reported = new CountDownLatch(1);

    @Override
    public void beforeStep(StepExecution step) {
        steps.started(step);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        steps.ended(step);
        return step.getExitStatus();
    }

    /** The run ended and its report is written (or there is none): a stop need not wait any longer. */
    public void reported() {
        reported.countDown();
    }

    /**
     * Ends the run for {@code why} (the process goes on): the steps running here are asked to end, as when the
     * process is stopped.
     */
    public void stop(String why) {
        List<StepExecution> stopped = steps.stop();
        if (!stopped.isEmpty()) {
            JobExecution run = stopped.get(0).getJobExecution();
            run.getExecutionContext().putString(STOPPED_BECAUSE, why);
            LOG.warn("Stopping run {}: {}; run the same command to continue it once that is mended",
                    run.getJobParameters().getLong(RunLauncher.RUN_ID), why);
        }
    }

    /** The process is stopping: the steps running here are asked to end, and it waits for the report (bounded). */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        List<StepExecution> stopped = steps.stop();
        if (stopped.isEmpty()) {
            return;
        }
        LOG.warn("Stopping: ending run {} at the next identity; run the same command to continue it",
                stopped.get(0).getJobExecution().getJobParameters().getLong(RunLauncher.RUN_ID));
        try {
            if (!reported.await(RunningSteps.STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The run did not end within {}; run the same command to continue it",
                        Durations.shown(RunningSteps.STOP_WAIT));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
