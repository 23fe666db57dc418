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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One token bucket per limited operation in the shared PostgreSQL database (Bucket4j's PostgreSQL backend, a row
 * of SYNCSHIFT_RATE_BUCKET per operation, updated under {@code SELECT ... FOR UPDATE}), so every thread of every
 * process of a cluster draws from the same budget: N workers together never exceed the limit. A bucket holds no
 * burst (one token): waiting requests go out evenly spaced at the limit. Machines' clocks must agree (NTP), as the
 * bucket's state is computed on the caller's clock. The limits of the process started last hold every process, a
 * lower one as well as a higher one: each process stamps its buckets' configuration with the database's clock at its
 * start, and Bucket4j replaces a stored configuration only by one of a higher stamp. Thread-safe.
 */
public final class ClusterRateLimiter implements RequestRateLimiter {

    private final Map<String, Bucket> buckets = new HashMap<>();

    /**
     * Buckets for {@code limits} in {@code dataSource}; they replace the stored ones, whatever limits those have, on
     * this process's first request of each operation, keeping their tokens (a process's start gives no extra one).
     */
    public ClusterRateLimiter(DataSource dataSource, RateLimits limits) {
        ProxyManager<String> proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).table("SYNCSHIFT_RATE_BUCKET").idColumn("ID")
                .stateColumn("STATE").build();
        long started = databaseMicros(dataSource);
        limits.perOperation().forEach((operation, rps) -> buckets.put(operation, proxies.builder()
                .withImplicitConfigurationReplacement(started, TokensInheritanceStrategy.AS_IS)
                .build(operation, () -> configuration(rps))));
    }

    /**
     * The database's clock in microseconds: the stamp of this process's limits. A stamp made of the limit itself (as
     * before) let a stored higher limit win over a lower one given later, so lowering {@code --max-rps} changed
     * nothing; the database's clock orders the processes' starts whatever the machines' clocks say, and is far above
     * any such older stamp.
     */
    private static long databaseMicros(DataSource dataSource) {
        Long now = new JdbcTemplate(dataSource).queryForObject(
                "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)", Long.class);
        if (now == null) {
            throw new IllegalStateException("the job repository's database did not tell its time");
        }
        return now;
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
