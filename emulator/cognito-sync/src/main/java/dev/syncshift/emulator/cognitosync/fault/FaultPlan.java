package dev.syncshift.emulator.cognitosync.fault;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Which faults the emulator injects. The default injects none.
 *
 * @param throttleRps requests per second each operation admits before answering 429 TooManyRequestsException;
 *     0 for no throttling. A bucket holds one second's worth (at least one request), so bursts up to that pass.
 * @param faultRate the probability, from 0 to 1, that an admitted request fails with 500 InternalErrorException
 * @param latency added to every request before it runs
 * @param ticker the nanosecond time source of the throttle's buckets ({@link System#nanoTime} outside tests)
 */
public record FaultPlan(double throttleRps, double faultRate, Duration latency, LongSupplier ticker) {

    /**
     * Validates the plan.
     *
     * @throws IllegalArgumentException when the rate is negative, the fault rate outside 0..1 or the latency
     *     negative, with the option named
     */
    public FaultPlan {
        if (!(throttleRps >= 0) || Double.isInfinite(throttleRps)) {
            throw new IllegalArgumentException("throttleRps must be 0 (off) or a positive number, not " + throttleRps);
        }
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("faultRate must be between 0 and 1, not " + faultRate);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, not " + latency.toMillis() + " ms");
        }
    }

    /** Whether this plan injects nothing. */
    public boolean isNone() {
        return throttleRps == 0 && faultRate == 0 && latency.isZero();
    }
}
