package dev.syncshift.migrator.job;

import dev.syncshift.migrator.config.Durations;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * written ({@link #reported}). The command line's signal handler asks first ({@link #stopping()}), so that the
 * process exits with the run's exit code; the application's closing asks too, for a process stopped otherwise, and
 * waits only what is left of the first one's wait. The same command then continues the run as a stopped one, without
 * recovering a run whose process died (which a shared job repository leaves to the next manager's takeover, or
 * {@code --recover}). A manager whose enumeration has ended runs no step here: it stops as before, and its workers'
 * partitions continue. Thread-safe.
 */
@Component
public final class RunStop implements StepExecutionListener, ApplicationListener<ContextClosedEvent> {

    /** Where the run keeps why {@link #stop(String)} stopped it, for its report. */
    static final String STOPPED_BECAUSE = "syncshift.stoppedBecause";

    private static final Logger LOG = LoggerFactory.getLogger(RunStop.class);

    private final RunningSteps steps = new RunningSteps();
    private final CountDownLatch reported = new CountDownLatch(1);
    /** When the stop's wait ends ({@link System#nanoTime()}), set by the first {@link #stopping()}; 0 before. */
    private final AtomicLong waitEnds = new AtomicLong();
    private final AtomicBoolean late = new AtomicBoolean();

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

    /**
     * The process is stopping: the steps running here are asked to end, and so is every one that starts later; the
     * first call starts the stop's wait ({@link #awaitReported()}).
     *
     * @return whether steps of the run were running here
     */
    public boolean stopping() {
        boolean first = waitEnds.compareAndSet(0, System.nanoTime() + RunningSteps.STOP_WAIT.toNanos());
        List<StepExecution> running = steps.stop();
        if (first && !running.isEmpty()) {
            LOG.warn("Stopping: ending run {} at the next identity; run the same command to continue it",
                    running.get(0).getJobExecution().getJobParameters().getLong(RunLauncher.RUN_ID));
        }
        return !running.isEmpty();
    }

    /**
     * Waits for the report ({@link #reported()}) until the stop's wait, which the first {@link #stopping()} started,
     * is over; says once that the run did not end in time.
     *
     * @return whether the report was written in time
     */
    public boolean awaitReported() {
        try {
            long left = waitEnds.get() == 0 ? 0 : waitEnds.get() - System.nanoTime();
            if (reported.await(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (late.compareAndSet(false, true)) {
            LOG.warn("The run did not end within {}; run the same command to continue it",
                    Durations.shown(RunningSteps.STOP_WAIT));
        }
        return false;
    }

    /** The process is stopping: the steps running here are asked to end, and it waits for the report (bounded). */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (stopping()) {
            awaitReported();
        }
    }
}
