package dev.syncshift.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The wait before something that failed is tried again: none at first, then 100 ms, doubling up to 10 s, as a broken
 * real-time connection is made again.
 *
 * @param delay how long to wait
 */
record Backoff(Duration delay) {

    /** No delay: the first try. */
    static final Backoff NONE = new Backoff(Duration.ZERO);
    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MOST = Duration.ofSeconds(10);

    /** The delay before the next try, when the one made after this delay failed. */
    Backoff next() {
        if (delay.isZero()) {
            return new Backoff(FIRST);
        }
        return new Backoff(delay.compareTo(MOST.dividedBy(2)) > 0 ? MOST : delay.multipliedBy(2));
    }

    /** {@code executor}, running what it is given once this delay has passed. */
    Executor after(Executor executor) {
        return delay.isZero() ? executor
                : CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor);
    }
}
