package dev.syncshift.emulator.cognitosync.fault;

import dev.syncshift.emulator.cognitosync.rules.InternalErrorException;
import dev.syncshift.emulator.cognitosync.rules.OperationGate;
import dev.syncshift.emulator.cognitosync.rules.TooManyRequestsException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits operations as a {@link FaultPlan} says: first the added latency, then one token bucket per throttled
 * operation (429 TooManyRequestsException when empty), then one seeded draw that throttles the request with the
 * plan's throttle rate or fails it with 500 InternalErrorException with its fault rate. The same seed and the same
 * sequence of requests give the same faults.
 */
public final class FaultGate implements OperationGate {

    private final FaultPlan plan;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Random random;

    private FaultGate(FaultPlan plan, long seed) {
        this.plan = plan;
        this.random = new Random(seed);
    }

    /** The gate for {@code plan}, drawing faults from {@code seed}; {@link OperationGate#OPEN} when it has none. */
    public static OperationGate of(FaultPlan plan, long seed) {
        return plan.isNone() ? OperationGate.OPEN : new FaultGate(plan, seed);
    }

    @Override
    public void admit(String operation) {
        delay();
        double rps = plan.rps(operation);
        if (rps > 0 && !bucket(operation, rps).tryTake()) {
            throw throttled();
        }
        if (plan.throttleRate() + plan.faultRate() == 0) {
            return;
        }
        double draw = nextDraw();
        if (draw < plan.throttleRate()) {
            throw throttled();
        }
        if (draw < plan.throttleRate() + plan.faultRate()) {
            throw new InternalErrorException("An internal error occurred. (injected fault)");
        }
    }

    private static TooManyRequestsException throttled() {
        return new TooManyRequestsException("Rate exceeded");
    }

    private TokenBucket bucket(String operation, double rps) {
        return buckets.computeIfAbsent(operation, name -> new TokenBucket(rps, plan.ticker()));
    }

    private double nextDraw() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    private void delay() {
        if (plan.latency().isZero()) {
            return;
        }
        try {
            Thread.sleep(plan.latency().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
