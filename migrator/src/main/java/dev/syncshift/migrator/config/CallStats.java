package dev.syncshift.migrator.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts, per AWS operation, the calls this process made, their attempts, the attempts the service throttled or
 * failed with a server error, and the calls that failed after every retry, from the SDK's own metrics (so the
 * count is right whatever error shape a service throttles with) and, for the throttles those call plain errors, from
 * {@link RateLimitInterceptor}; and the pace {@link Pacing} set each congested operation to at its last cut.
 * Thread-safe.
 */
public final class CallStats implements MetricPublisher {

    private final Map<String, Counters> byOperation = new ConcurrentHashMap<>();
    private final Pacing pacing;

    /** Counts for clients paced by {@code pacing}. */
    public CallStats(Pacing pacing) {
        this.pacing = pacing;
    }

    @Override
    public void publish(MetricCollection call) {
        String operation = call.metricValues(CoreMetric.OPERATION_NAME).stream().findFirst().orElse("unknown");
        Counters counters = byOperation.computeIfAbsent(operation, o -> new Counters());
        counters.calls.increment();
        List<MetricCollection> attempts = call.childrenWithName("ApiCallAttempt").toList();
        if (call.metricValues(CoreMetric.API_CALL_SUCCESSFUL).contains(Boolean.FALSE)
                && !(attempts.size() == 1 && answered(attempts.get(0)))) {
            counters.failed.increment();
        }
        attempts.forEach(attempt -> {
            counters.attempts.increment();
            if (throttled(attempt)) {
                counters.throttled.increment();
            } else if (status(attempt).anyMatch(status -> status >= 500)) {
                counters.serverErrors.increment();
            }
        });
    }

    private static boolean throttled(MetricCollection attempt) {
        return attempt.metricValues(CoreMetric.ERROR_TYPE).stream().anyMatch("throttling"::equalsIgnoreCase);
    }

    /**
     * Whether the service answered {@code attempt} with a client error other than a throttle: a refusal or a
     * "not found" (a table {@code --create-table} is to make, an identity gone from the pool), which the caller reads
     * as an answer and no retry would change. The SDK's error type "ServerError" means any error answer (a 400 too),
     * so the status tells.
     */
    private static boolean answered(MetricCollection attempt) {
        return !throttled(attempt) && status(attempt).anyMatch(status -> status >= 400 && status < 500);
    }

    private static Stream<Integer> status(MetricCollection attempt) {
        return attempt.metricValues(HttpMetric.HTTP_STATUS_CODE).stream();
    }

    /**
     * Counts a throttled attempt the SDK's metrics call a plain error: a DynamoDB transaction cancelled for the
     * table's throughput (its attempt is counted by the metrics).
     */
    void throttledUnseenByTheSdk(String operation) {
        byOperation.computeIfAbsent(operation, o -> new Counters()).throttled.increment();
    }

    /** A snapshot of the counts, by operation name. */
    public Map<String, OperationCalls> snapshot() {
        Map<String, OperationCalls> snapshot = new TreeMap<>();
        Map<String, Double> paces = pacing.settled();
        byOperation.forEach((operation, c) -> snapshot.put(operation, new OperationCalls(c.calls.sum(),
                c.attempts.sum(), c.throttled.sum(), c.serverErrors.sum(), c.failed.sum(), paces.get(operation))));
        return snapshot;
    }

    @Override
    public void close() {
        // nothing to release
    }

    /**
     * The counts of one operation.
     *
     * @param calls calls made
     * @param attempts HTTP attempts (a retried call makes several)
     * @param throttled attempts the service throttled
     * @param serverErrors attempts that failed with a 5xx
     * @param failed calls that failed after their retries, or at their only attempt without a service's answer (a
     *     throttle, a 5xx, no answer at all); not a call the service answered at once with a refusal or a "not
     *     found", which is an answer
     * @param pacedRps the pace the operation was set to at its last cut, in requests a second, or null when
     *     the service was never congested by it
     */
    public record OperationCalls(long calls, long attempts, long throttled, long serverErrors, long failed,
            @Nullable Double pacedRps) {

        /** Retries: attempts beyond the first of each call. */
        public long retries() {
            return attempts - calls;
        }
    }

    private static final class Counters {
        private final LongAdder calls = new LongAdder();
        private final LongAdder attempts = new LongAdder();
        private final LongAdder throttled = new LongAdder();
        private final LongAdder serverErrors = new LongAdder();
        private final LongAdder failed = new LongAdder();
    }
}
