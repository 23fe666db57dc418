package dev.syncshift.client.remote;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;

/**
 * One outage of something tried again with {@link Backoff}, as the log tells it: its first failure is a warning, the
 * failures that repeat it are debug lines (one warning a retry would fill the app's log, every ten seconds for as
 * long as the outage lasts), and the first success after failures is one info line saying how long it was out, so
 * that the log shows the end of what it warned of; attempts that stop without a success, no longer wanted, end it with
 * an info line too. Logs through the caller's logger, whose level the app sets.
 * Thread-safe; after a success it tracks the next outage.
 */
public final class Outage {

    private final Logger log;
    private final String attempt;
    private int failures;
    private long firstFailure;

    /**
     * @param log the caller's logger
     * @param attempt what is tried, as the log names it: "reopening the subscription prefs"
     */
    public Outage(Logger log, String attempt) {
        this.log = log;
        this.attempt = attempt;
    }

    /** An attempt failed for {@code reason}; the next one is made after {@code retryIn}. */
    public synchronized void failed(String reason, Duration retryIn) {
        failures++;
        if (failures == 1) {
            firstFailure = System.nanoTime();
            log.warn("{} failed ({}); trying again in {}; until it succeeds, further failures are logged at DEBUG",
                    attempt, reason, retryIn);
        } else {
            log.debug("{} failed again ({}, {} failures); trying again in {}", attempt, reason, failures, retryIn);
        }
    }

    /** An attempt succeeded: the end of the outage, if there was one. */
    public synchronized void succeeded() {
        if (failures > 0) {
            Duration out = Duration.ofNanos(System.nanoTime() - firstFailure).truncatedTo(ChronoUnit.MILLIS);
            log.info("{} succeeded after {} failed attempts, {} after the first", attempt, failures, out);
            failures = 0;
        }
    }

    /**
     * The attempts stopped without a success, for {@code why} (no longer wanted): the end of the outage, if there was
     * one, which the warning said would last until a success.
     */
    public synchronized void abandoned(String why) {
        if (failures > 0) {
            log.info("{} stopped after {} failed attempts ({}); no more attempts are made", attempt, failures, why);
            failures = 0;
        }
    }
}
