package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.config.Durations;
import dev.syncshift.migrator.job.RunStop;
import dev.syncshift.migrator.job.RunningSteps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ends the run of this process on Ctrl-C (SIGINT) or SIGTERM, and lets the process then exit with the code its
 * summary and report give (4 for a run that stopped), not with the signal's 130 or 143.
 *
 * <p>The JVM's own handler of these signals starts its shutdown at once: its hooks run (Spring's closes the
 * application, whose {@link RunStop} ends the run and waits for the report) and the JVM then halts with 128 plus the
 * signal's number, while the command's own {@code System.exit} blocks. Handled here instead, nothing shuts down
 * until the run has ended: {@link RunStop#stopping()} asks its steps here to end, and the command writes the summary
 * and the report and returns its exit code to {@code main}, whose {@code System.exit} runs the hooks and ends the
 * process with it. Should the command not have ended when the stop's wait ({@link RunningSteps#STOP_WAIT}) is over,
 * this exits with the code the run was given, or 4 when it has none yet. A second signal changes nothing: the first
 * one's stop is bounded. A manager with no step of the run here (its enumeration is done) ends as the JVM's handler
 * would end it, as a manager that dies, and its workers' partitions go on.
 *
 * <p>{@code sun.misc.Signal} is the JDK's way for an application to handle a signal (module {@code jdk.unsupported},
 * kept accessible for this use by JEP 260). A signal the JVM does not hand over (ignored when it started, as in a
 * background job of a shell without job control, or under {@code -Xrs}) stays as it was.
 */
final class StopSignals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> NAMES = List.of("INT", "TERM");

    private final RunStop stop;
    private final boolean everyStepHere;
    private final Map<Signal, SignalHandler> replaced = new LinkedHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile ExitCode decided = ExitCode.INCOMPLETE;

    /**
     * Handles nothing yet ({@link #install()}).
     *
     * @param everyStepHere whether this process runs every step of the run (not a manager, whose partitions run on
     *     workers)
     */
    StopSignals(RunStop stop, boolean everyStepHere) {
        this.stop = stop;
        this.everyStepHere = everyStepHere;
    }

    /** Handles SIGINT and SIGTERM from now on, until {@link #close()}. */
    void install() {
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            try {
                replaced.put(signal, Signal.handle(signal, this::handle));
            } catch (IllegalArgumentException e) {
                LOG.debug("SIG{} stays with the JVM: {}", name, e.getMessage());
            }
        }
    }

    /** The run's exit code is known: a stopped process exits with it. */
    ExitCode decided(ExitCode code) {
        decided = code;
        return code;
    }

    private void handle(Signal signal) {
        boolean first = stopping.compareAndSet(false, true);
        if (closed.getCount() == 0 || !stop.stopping() && !everyStepHere) {
            // the command is over, or has no step of the run here to end: as the JVM's own handler does
            System.exit(128 + signal.getNumber());
        } else if (first) {
            exitUnlessTheCommandEnds();
        }
    }

    /**
     * Waits for the command to end with the run's code, which its caller exits with; exits with that code (or 4)
     * when the stop's wait is over first.
     */
    private void exitUnlessTheCommandEnds() {
        long waitEnds = System.nanoTime() + RunningSteps.STOP_WAIT.toNanos();
        boolean reported = stop.awaitReported();
        try {
            if (closed.await(waitEnds - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reported) {
            LOG.warn("The command did not end within {} of the stop; exiting with code {}",
                    Durations.shown(RunningSteps.STOP_WAIT), decided.code());
        }
        System.exit(decided.code());
    }

    /** The command ended: gives the signals back to the handlers they had. */
    @Override
    public void close() {
        replaced.forEach(Signal::handle);
        replaced.clear();
        closed.countDown();
    }
}
