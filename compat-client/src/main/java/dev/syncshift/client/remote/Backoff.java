package dev.syncshift.client.remote;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The wait before something that failed is tried again: none at first, then 100 ms, doubling up to 10 s. The one rule
 * for the real-time connection made again after it broke, for a subscription's {@code start} sent again after the
 * service refused it, and for a subscription moved to an identity it could not be opened for yet.
 *
 * @param delay how long to wait
 */
public record Backoff(Duration delay) {

    /** No delay: the first try. */
    public static final Backoff NONE = new Backoff(Duration.ZERO);
    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MOST = Duration.ofSeconds(10);

    /** The delay before the next try, when the one made after this delay failed. */
    public Backoff next() {
        if (delay.isZero()) {
            return new Backoff(FIRST);
        }
        return new Backoff(delay.compareTo(MOST.dividedBy(2)) > 0 ? MOST : delay.multipliedBy(2));
    }

    /** {@code executor}, running what it is given once this delay has passed. */
    public Executor after(Executor executor) {
        return delay.isZero() ? executor
                : CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor);
    }
}
