package dev.syncshift.migrator.config;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One token bucket per limited operation in the shared PostgreSQL database (Bucket4j's PostgreSQL backend, a row
 * of SYNCSHIFT_RATE_BUCKET per operation, updated under {@code SELECT ... FOR UPDATE}), so every thread of every
 * process of a cluster draws from the same budget: N workers together never exceed the limit. A bucket holds no
 * burst (one token): waiting requests go out evenly spaced at the limit. Machines' clocks must agree (NTP), as the
 * bucket's state is computed on the caller's clock. Thread-safe.
 */
public final class ClusterRateLimiter implements RequestRateLimiter {

    private final Map<String, Bucket> buckets = new HashMap<>();

    /** Buckets for {@code limits} in {@code dataSource}; a changed limit replaces the stored bucket. */
    public ClusterRateLimiter(DataSource dataSource, RateLimits limits) {
        ProxyManager<String> proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).table("SYNCSHIFT_RATE_BUCKET").idColumn("ID")
                .stateColumn("STATE").build();
        limits.perOperation().forEach((operation, rps) -> buckets.put(operation, proxies.builder()
                .withImplicitConfigurationReplacement(Math.round(rps * 1000), TokensInheritanceStrategy.RESET)
                .build(operation, () -> configuration(rps))));
    }

    /** One token, refilled at {@code rps} a second. */
    static BucketConfiguration configuration(double rps) {
        Duration perToken = Duration.ofNanos(Math.max(1, Math.round(1_000_000_000L / rps)));
        return BucketConfiguration.builder().addLimit(limit -> limit.capacity(1).refillGreedy(1, perToken)).build();
    }

    @Override
    public void acquire(String operation) {
        LocalRateLimiter.consume(buckets.get(operation), operation);
    }
}
