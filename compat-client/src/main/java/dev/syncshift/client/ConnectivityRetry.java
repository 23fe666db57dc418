package dev.syncshift.client;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The JVM's stand-in for the connectivity broadcast AWS's Android client listens to: while any
 * {@code synchronizeOnConnectivity} request is kept because the service could not be reached, it runs the kept
 * requests again every interval (one timer thread, made when first needed). Thread-safe.
 */
final class ConnectivityRetry implements AutoCloseable {

    private final Duration interval;
    private final Runnable retry;
    private @Nullable ScheduledExecutorService timer;
    private boolean due;
    private boolean closed;

    /**
     * @param interval how long after a request was kept it runs again; zero never (the app calls
     *     {@link CognitoSyncManager#connectivityRestored()} itself)
     * @param retry runs every kept request
     */
    ConnectivityRetry(Duration interval, Runnable retry) {
        this.interval = interval;
        this.retry = retry;
    }

    /** A request was kept: the kept requests run again after the interval, unless a run is already due. */
    synchronized void kept() {
        if (interval.isZero() || closed || due) {
            return;
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "syncshift-connectivity-retry");
                thread.setDaemon(true);
                return thread;
            });
        }
        due = true;
        timer.schedule(this::run, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Not under the lock: a request kept again while the retry runs schedules the next run. */
    private void run() {
        synchronized (this) {
            due = false;
        }
        retry.run();
    }

    /** Stops the timer; kept requests no longer run by themselves. */
    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
