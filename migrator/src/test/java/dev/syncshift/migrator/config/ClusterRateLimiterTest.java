package dev.syncshift.migrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.syncshift.migrator.SharedPostgres;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Two limiters over one PostgreSQL database (through a connection pool, as in the application) stand for two
 * processes of a cluster: their threads together take tokens no faster than the limit, and not much slower.
 */
class ClusterRateLimiterTest {

    static final double RPS = 20;
    static final int TOKENS = 100;

    static HikariDataSource pool;

    @BeforeAll
    static void start() throws Exception {
        DataSource database = SharedPostgres.get().newDataSource();
        try (Connection connection = database.getConnection()) {
            ScriptUtils.executeSqlScript(connection,
                    new ClassPathResource("dev/syncshift/migrator/job/remote/schema-cluster-postgresql.sql"));
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(database);
        config.setMaximumPoolSize(10);
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void twoProcessesWithFourThreadsEachTakeTokensAtTheLimitTogether() throws Exception {
        DataSource database = pool;
        RateLimits limits = RateLimits.parse("ListRecords=" + RPS + ",ListDatasets=1000");
        List<RequestRateLimiter> processes = List.of(new ClusterRateLimiter(database, limits),
                new ClusterRateLimiter(database, limits));
        for (RequestRateLimiter process : processes) {
            process.acquire("ListDatasets"); // warms the pool's connections and the limiter's statements up
        }
        AtomicInteger taken = new AtomicInteger();
        AtomicLong lastAt = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);

        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RequestRateLimiter limiter = processes.get(i % 2);
            work.add(threads.submit(() -> takeUntil(limiter, taken, lastAt, go)));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> each : work) {
            each.get(30, TimeUnit.SECONDS);
        }
        double seconds = (lastAt.get() - start) / 1e9;
        threads.shutdown();

        assertThat(seconds).as("the %dth token at %s/s", TOKENS, RPS)
                .isBetween((TOKENS - 1) / RPS, (TOKENS - 1) / (0.9 * RPS));
    }

    /**
     * An operator lowers {@code --max-rps} for the next run (the source throttled the last one): the processes
     * started with the lower limit, and those still running with the higher one, take tokens at the lower one.
     */
    @Test
    void aLowerLimitGivenToALaterProcessHoldsEveryProcess() {
        RequestRateLimiter earlier = new ClusterRateLimiter(pool, RateLimits.parse("ListIdentities=1000"));
        earlier.acquire("ListIdentities");
        RequestRateLimiter later = new ClusterRateLimiter(pool, RateLimits.parse("ListIdentities=" + RPS));
        later.acquire("ListIdentities");

        long start = System.nanoTime();
        for (int i = 0; i < RPS; i++) {
            (i % 2 == 0 ? earlier : later).acquire("ListIdentities");
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seconds).as("%s tokens at %s/s, not at the earlier 1000/s", RPS, RPS)
                .isGreaterThan(0.9 * (RPS - 1) / RPS);
    }

    @Test
    void anOperationWithoutALimitNeverWaitsNorTouchesTheDatabase() {
        RequestRateLimiter limiter = new ClusterRateLimiter(pool, RateLimits.parse(""));

        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("TransactWriteItems");
        }

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
    }

    /** Takes tokens until {@link #TOKENS} are taken; the thread taking the last one notes when. */
    private static Void takeUntil(RequestRateLimiter limiter, AtomicInteger taken, AtomicLong lastAt,
            CountDownLatch go) throws InterruptedException {
        go.await();
        while (taken.get() < TOKENS) {
            limiter.acquire("ListRecords");
            if (taken.incrementAndGet() == TOKENS) {
                lastAt.set(System.nanoTime());
            }
        }
        return null;
    }
}
