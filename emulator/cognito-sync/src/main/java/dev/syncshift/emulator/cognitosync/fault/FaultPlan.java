package dev.syncshift.emulator.cognitosync.fault;

import dev.syncshift.emulator.cognitosync.rules.OperationNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Which faults the emulator injects. The default injects none.
 *
 * @param throttleRps requests per second each operation admits before answering 429 TooManyRequestsException;
 *     0 for no throttling. A bucket holds one second's worth (at least one request), so bursts up to that pass.
 * @param operationRps per-operation rates by AWS operation name, each positive; they replace {@code throttleRps}
 *     for those operations
 * @param throttleRate the probability, from 0 to 1, that a request the buckets admitted is throttled anyway
 * @param faultRate the probability, from 0 to 1, that an admitted request fails with 500 InternalErrorException;
 *     {@code throttleRate + faultRate} is at most 1, as one seeded draw decides both
 * @param latency added to every request before it runs
 * @param ticker the nanosecond time source of the throttle's buckets ({@link System#nanoTime} outside tests)
 */
public record FaultPlan(double throttleRps, Map<String, Double> operationRps, double throttleRate, double faultRate,
        Duration latency, LongSupplier ticker) {

    /**
     * Validates the plan and copies the map.
     *
     * @throws IllegalArgumentException when a rate is negative or not a number, a probability is outside 0..1,
     *     an operation is unknown or the latency negative, with the option named
     */
    public FaultPlan {
        if (!(throttleRps >= 0) || Double.isInfinite(throttleRps)) {
            throw new IllegalArgumentException("throttleRps must be 0 (off) or a positive number, not "
                    + plain(throttleRps));
        }
        operationRps.forEach(FaultPlan::checkOperationRate);
        operationRps = Map.copyOf(new TreeMap<>(operationRps));
        checkProbability("throttleRate", throttleRate);
        checkProbability("faultRate", faultRate);
        if (throttleRate + faultRate > 1) {
            throw new IllegalArgumentException("throttleRate + faultRate must not exceed 1, not "
                    + plain(throttleRate + faultRate));
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be 0 ms or more, not " + latency.toMillis() + " ms");
        }
    }

    /** The rate {@code operation} is throttled at, 0 when it is not. */
    public double rps(String operation) {
        return operationRps.getOrDefault(operation, throttleRps);
    }

    /** Whether this plan injects nothing. */
    public boolean isNone() {
        return throttleRps == 0 && operationRps.isEmpty() && throttleRate == 0 && faultRate == 0
                && latency.isZero();
    }

    private static void checkOperationRate(String operation, Double rps) {
        if (!OperationNames.isKnown(operation)) {
            throw new IllegalArgumentException("throttleRps names an unknown operation: " + operation);
        }
        if (!(rps > 0) || rps.isInfinite()) {
            throw new IllegalArgumentException("throttleRps of " + operation + " must be a positive number, not "
                    + plain(rps));
        }
    }

    private static void checkProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + plain(value));
        }
    }

    /** {@code value} as a person writes it: 2 rather than 2.0. */
    private static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }
}
