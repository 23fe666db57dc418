package dev.syncshift.emulator.cognitosync.fault;

import java.util.function.LongSupplier;

/**
 * A token bucket refilled continuously at {@code rate} tokens per second up to {@code capacity}, on an injected
 * nanosecond ticker so tests control time. Thread-safe.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double rate;
    private final double capacity;
    private final LongSupplier ticker;
    private double tokens;
    private long refilledAt;

    TokenBucket(double rate, LongSupplier ticker) {
        this.rate = rate;
        this.capacity = Math.max(1, rate);
        this.ticker = ticker;
        this.tokens = capacity;
        this.refilledAt = ticker.getAsLong();
    }

    /** Takes one token if there is one. */
    synchronized boolean tryTake() {
        long now = ticker.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / NANOS_PER_SECOND * rate);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
