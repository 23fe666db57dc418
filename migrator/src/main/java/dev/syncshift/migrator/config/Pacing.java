package dev.syncshift.migrator.config;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Finds, per operation, the request rate the service's quota admits, for quotas AWS does not publish (Cognito
 * Sync's): additive increase, multiplicative decrease, as TCP finds what a link carries. An operation is not paced
 * until the service is congested: a quarter or more of its attempts over the last second or two throttled (a throttle
 * now and then, which AWS answers at any rate, changes nothing). Then its attempts are held to {@value #CUT} of the
 * rate they were being sent at, cut again by as much while it stays congested (at most once a second, so that one
 * burst counts once), and raised by 5% and one request a second after each second that was not congested and in
 * which attempts were sent at about the pace ({@value #BINDING} of it or more: a pace above what the threads or a
 * {@code --max-rps} let the run send is not raised further). The SDK's retry still backs off each throttled attempt;
 * pacing keeps the run's many threads from being throttled together until calls give up. Each process finds its
 * own pace. Thread-safe.
 */
public final class Pacing {

    /** The share of the rate kept at a throttle. */
    static final double CUT = 0.7;
    /** The lowest pace, in requests a second. */
    static final double FLOOR = 0.5;
    /** The share of its pace an operation must be sent at for the pace to rise (one not reached holds nothing). */
    static final double BINDING = 0.8;
    /**
     * The share of an operation's attempts over the last second or two that must be throttled for the pace to be
     * cut: AWS throttles now and then at any rate, and slowing down for that would only slow the run.
     */
    static final double CONGESTED = 0.25;
    /** The fewest throttles that can say the rate is over the quota. */
    static final int CONGESTED_THROTTLES = 5;

    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    /** Pacing on the system's clock. */
    public Pacing() {
        this(System::nanoTime);
    }

    /** Pacing on {@code nanoTime}, a monotonic clock in nanoseconds. */
    Pacing(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Waits until one more attempt of {@code operation} is within its pace (at once while it has none). */
    public void acquire(String operation) {
        Bucket bucket = pace(operation).sent(nanoTime.getAsLong());
        if (bucket != null) {
            LocalRateLimiter.consume(bucket, operation);
        }
    }

    /** Notes that the service throttled an attempt of {@code operation}. */
    public void throttled(String operation) {
        pace(operation).throttled(nanoTime.getAsLong());
    }

    /** The pace of every operation that has one, in requests a second, by operation name. */
    Map<String, Double> rates() {
        return collect(Pace::rate);
    }

    /**
     * The pace each congested operation was set to at its last cut, in requests a second, by operation name: a
     * run that ends before its pace has settled may end above what the service admits.
     */
    public Map<String, Double> settled() {
        return collect(Pace::settled);
    }

    private Map<String, Double> collect(Function<Pace, @Nullable Double> figure) {
        Map<String, Double> figures = new TreeMap<>();
        paces.forEach((operation, pace) -> {
            Double value = figure.apply(pace);
            if (value != null) {
                figures.put(operation, value);
            }
        });
        return figures;
    }

    private Pace pace(String operation) {
        return paces.computeIfAbsent(operation, o -> new Pace(nanoTime.getAsLong()));
    }

    /** One operation's pace, and its attempts and throttles over the second under way and the last whole one. */
    private static final class Pace {

        private double rate;
        private double settled;
        private @Nullable Bucket bucket;
        private long cut;
        private long changed;
        private long windowStart;
        private long windowCount;
        private long windowThrottles;
        private long lastCount;
        private long lastThrottles;
        private double sentRate;

        Pace(long now) {
            windowStart = now;
        }

        synchronized @Nullable Double rate() {
            return bucket == null ? null : rate;
        }

        synchronized @Nullable Double settled() {
            return bucket == null ? null : settled;
        }

        /**
         * Counts an attempt sent at {@code now} and raises the pace after a second in which it held attempts back
         * and the service was not congested; the bucket to wait on.
         */
        synchronized @Nullable Bucket sent(long now) {
            if (now - windowStart >= SECOND) {
                sentRate = windowCount * (double) SECOND / (now - windowStart);
                lastCount = windowCount;
                lastThrottles = windowThrottles;
                windowStart = now;
                windowCount = 0;
                windowThrottles = 0;
            }
            windowCount++;
            if (bucket != null && now - changed >= SECOND && sentRate >= BINDING * rate
                    && !congested(lastThrottles, lastCount)) {
                set(rate * 1.05 + 1, now);
            }
            return bucket;
        }

        synchronized void throttled(long now) {
            windowThrottles++;
            if (!congested(lastThrottles + windowThrottles, lastCount + windowCount)
                    || bucket != null && now - cut < SECOND) {
                return;
            }
            // The second under way counts as a whole one once a whole one was measured: a few attempts just sent
            // are no rate.
            double window = Math.max(now - windowStart, sentRate > 0 ? SECOND : SECOND / 10) / (double) SECOND;
            double sending = Math.max(sentRate, windowCount / window);
            set(CUT * (bucket == null ? sending : Math.min(rate, sending)), now);
            settled = rate;
            cut = now;
        }

        /** Whether {@code throttles} of {@code attempts} say the rate is over the quota, not that throttles happen. */
        private static boolean congested(long throttles, long attempts) {
            return throttles >= CONGESTED_THROTTLES && throttles >= CONGESTED * attempts;
        }

        private void set(double rps, long now) {
            rate = Math.max(FLOOR, rps);
            changed = now;
            BucketConfiguration evenlySpaced = ClusterRateLimiter.configuration(rate);
            if (bucket == null) {
                bucket = Bucket.builder().addLimit(evenlySpaced.getBandwidths()[0]).build();
            } else {
                bucket.replaceConfiguration(evenlySpaced, TokensInheritanceStrategy.AS_IS);
            }
        }
    }
}
