package dev.syncshift.emulator.cognitosync.fault;

import dev.syncshift.emulator.cognitosync.rules.InternalErrorException;
import dev.syncshift.emulator.cognitosync.rules.OperationGate;
import dev.syncshift.emulator.cognitosync.rules.TooManyRequestsException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits operations as a {@link FaultPlan} says: first the added latency, then one token bucket per operation
 * (429 TooManyRequestsException when empty), then a seeded draw that fails the request with 500
 * InternalErrorException. The same seed and the same sequence of requests give the same faults.
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
        if (plan.throttleRps() > 0 && !bucket(operation).tryTake()) {
            throw new TooManyRequestsException("Rate exceeded");
        }
        if (plan.faultRate() > 0 && failsNext()) {
            throw new InternalErrorException("An internal error occurred. (injected fault)");
        }
    }

    private TokenBucket bucket(String operation) {
        return buckets.computeIfAbsent(operation, name -> new TokenBucket(plan.throttleRps(), plan.ticker()));
    }

    private boolean failsNext() {
        synchronized (random) {
            return random.nextDouble() < plan.faultRate();
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
