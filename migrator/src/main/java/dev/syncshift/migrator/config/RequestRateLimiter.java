package dev.syncshift.migrator.config;

/**
 * Paces requests to an AWS operation under its rate limit, shared by every thread (and, with a distributed
 * implementation, every process). Thread-safe.
 */
public interface RequestRateLimiter {

    /** Waits until one more request to {@code operation} is within its limit (at once when it has none). */
    void acquire(String operation);
}
