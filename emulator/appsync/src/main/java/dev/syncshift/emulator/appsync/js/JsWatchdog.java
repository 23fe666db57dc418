package dev.syncshift.emulator.appsync.js;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interrupts a handler that runs longer than its timeout. A handler notes its deadline as it starts and drops it as
 * it ends, with no call to another thread; one thread looks for overdue handlers at a fixed tick (a twentieth of the
 * timeout, at most 100 ms). A timer per handler instead woke that thread at every handler, about ten times a
 * request, and each wake cost the request's thread a hand-over to another core (graphql/BENCHMARK.md).
 */
final class JsWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsWatchdog.class);
    private static final long MAX_TICK_MILLIS = 100;

    private final long timeoutNanos;
    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
        Thread watching = new Thread(r, "appsync-js-watchdog");
        watching.setDaemon(true);
        return watching;
    });

    /** What the watchdog does with an overdue handler's context. */
    interface Overdue {
        /** The context ignored its interruption and was closed: it cannot run anything again. */
        void cancelled();
    }

    private static final class Watch {
        private final Context context;
        private final Overdue overdue;
        private final long deadline;
        private volatile boolean done;

        private Watch(Context context, Overdue overdue, long deadline) {
            this.context = context;
            this.overdue = overdue;
            this.deadline = deadline;
        }
    }

    JsWatchdog(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        long tick = Math.max(1, Math.min(MAX_TICK_MILLIS, timeout.toMillis() / 20));
        thread.scheduleWithFixedDelay(this::interruptOverdue, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a handler, interrupting its context should it outlive the timeout.
     *
     * @param context the context the handler runs in
     * @param overdue told when the context had to be closed
     * @param body the handler's run
     * @return what the body returns
     */
    <T> T watch(Context context, Overdue overdue, Supplier<T> body) {
        Watch watch = new Watch(context, overdue, System.nanoTime() + timeoutNanos);
        running.add(watch);
        try {
            return body.get();
        } finally {
            watch.done = true;
            running.remove(watch);
        }
    }

    private void interruptOverdue() {
        long now = System.nanoTime();
        for (Watch watch : running) {
            if (now - watch.deadline >= 0 && !watch.done) {
                try {
                    interrupt(watch);
                } catch (RuntimeException e) {
                    // A failure here must not end the tick: the executor runs no further ticks after one throws.
                    LOG.warn("could not interrupt an overdue resolver handler", e);
                }
            }
        }
    }

    private static void interrupt(Watch watch) {
        try {
            watch.context.interrupt(Duration.ofSeconds(1));
        } catch (TimeoutException e) {
            // Interruption is cooperative and can miss on a busy machine; cancelling is not, but costs the context.
            LOG.warn("a resolver handler ignored its interruption for 1 s; cancelling its context");
            watch.overdue.cancelled();
            watch.context.close(true);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
