package dev.syncshift.migrator.config;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One Bucket4j token bucket per limited operation, in this JVM. Thread-safe. */
public final class LocalRateLimiter implements RequestRateLimiter {

    private final Map<String, Bucket> buckets = new HashMap<>();

    /** Buckets for {@code limits}. */
    public LocalRateLimiter(RateLimits limits) {
        limits.perOperation().forEach((operation, rps) -> buckets.put(operation, bucket(rps)));
    }

    /**
     * A bucket admitting {@code rps} requests a second on average, in bursts of at most one second's worth.
     *
     * @param rps the rate, above zero and at most {@link RateLimits#MAX_RPS} (Bucket4j's most: a token a nanosecond)
     */
    public static Bucket bucket(double rps) {
        long capacity = Math.max(1, (long) Math.ceil(rps));
        Duration refill = Duration.ofNanos((long) (capacity * 1_000_000_000L / rps));
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refill)).build();
    }

    @Override
    public void acquire(String operation) {
        consume(buckets.get(operation), operation);
    }

    /** Waits for one token of {@code bucket}; at once when there is no bucket. */
    static void consume(@Nullable Bucket bucket, String operation) {
        if (bucket == null) {
            return;
        }
        try {
            bucket.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rate limit of " + operation, e);
        }
    }
}
