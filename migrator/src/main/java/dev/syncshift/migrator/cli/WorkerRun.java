package dev.syncshift.migrator.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code migrate --role worker}: the application runs partitions as requests arrive, for any run of the pool, until
 * the process is stopped (SIGTERM, as a container platform stops it).
 */
final class WorkerRun {

    private final PrintStream err;

    WorkerRun(PrintStream err) {
        this.err = err;
    }

    /** Whether {@code context} is a worker's. */
    static boolean isWorker(ConfigurableApplicationContext context) {
        return context.getEnvironment().matchesProfiles("worker");
    }

    /** Serves until the application closes. */
    ExitCode serve(ConfigurableApplicationContext context) {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        err.println("syncshift-migrator: worker ready, taking partitions until stopped");
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }
}
