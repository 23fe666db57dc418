package dev.syncshift.emulator.appsync.fault;

import dev.syncshift.emulator.appsync.api.InternalFailureException;
import dev.syncshift.emulator.appsync.api.LimitExceededException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Random;

/**
 * Faults injected into {@code POST /graphql}, to see how clients behave when AppSync is slow, throttles or fails: the
 * added latency first, then one seeded draw that refuses the request with 429 {@code LimitExceededError} (the
 * throttle rate) or fails it with 500 {@code InternalFailure} (the fault rate) before it runs, so an injected fault
 * never changes data. The same seed and the same sequence of requests give the same faults. Thread-safe.
 *
 * @param throttleRate the probability, 0 to 1, that a request is throttled
 * @param faultRate the probability, 0 to 1, that a request fails; {@code throttleRate + faultRate} is at most 1
 * @param latency added to every request before it runs
 * @param seed the seed of the draws
 */
public record FaultPlan(double throttleRate, double faultRate, Duration latency, long seed) {

    /** No faults. */
    public static final FaultPlan NONE = new FaultPlan(0, 0, Duration.ZERO, 1);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when a probability is outside 0..1, their sum exceeds 1 or the latency is
     *     negative, naming the value
     */
    public FaultPlan {
        probability("throttleRate", throttleRate);
        probability("faultRate", faultRate);
        if (throttleRate + faultRate > 1) {
            throw new IllegalArgumentException("throttleRate + faultRate must not exceed 1, not "
                    + plain(throttleRate + faultRate));
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be 0 ms or more, not " + latency.toMillis() + " ms");
        }
    }

    /** A gate drawing this plan's faults, one per emulator. */
    public Gate gate() {
        return new Gate(this);
    }

    private static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + plain(value));
        }
    }

    /** {@code value} as a person writes it: 2 rather than 2.0. */
    private static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    /** Admits requests as the plan says. */
    public static final class Gate {

        private final FaultPlan plan;
        private final Random random;

        private Gate(FaultPlan plan) {
            this.plan = plan;
            this.random = new Random(plan.seed());
        }

        /**
         * Delays the request by the plan's latency, then lets it run or refuses it.
         *
         * @throws LimitExceededException when the draw throttles it
         * @throws InternalFailureException when the draw fails it
         */
        public void admit() {
            if (!plan.latency().isZero()) {
                sleep(plan.latency());
            }
            if (plan.throttleRate() + plan.faultRate() == 0) {
                return;
            }
            double draw;
            synchronized (random) {
                draw = random.nextDouble();
            }
            if (draw < plan.throttleRate()) {
                throw new LimitExceededException("Rate exceeded");
            }
            if (draw < plan.throttleRate() + plan.faultRate()) {
                throw new InternalFailureException("An internal failure occurred.");
            }
        }

        private static void sleep(Duration latency) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
