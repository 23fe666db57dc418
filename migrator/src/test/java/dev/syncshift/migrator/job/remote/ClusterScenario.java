package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A cluster test: a generated pool in the emulators of this JVM, a fresh job repository database, and manager and
 * worker processes started by the test. Subclasses say where the database (and any broker) comes from.
 */
abstract class ClusterScenario {

    static final int IDENTITIES = 30;

    @TempDir
    Path work;

    LocalAws aws;
    ClusterNodes nodes;
    String jdbcUrl;
    /** The generated pool's identities, as {@link #start} made it. */
    int identities;

    /** A new, empty PostgreSQL database for this test's cluster (user and password {@code postgres}). */
    abstract String newDatabase() throws Exception;

    /** The nodes run this test's class path; a subclass that runs the packaged jar says where it is. */
    Optional<Path> jar() {
        return Optional.empty();
    }

    @AfterEach
    void stopCluster() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    /** Starts the emulators, as {@code emulator} configures them, and a cluster whose nodes all get {@code common}. */
    void start(Consumer<CognitoSyncEmulatorConfig.Builder> emulator, String... common) throws Exception {
        start(IDENTITIES, emulator, common);
    }

    /** As {@link #start(Consumer, String...)}, with a pool of {@code identities} generated identities. */
    void start(int identities, Consumer<CognitoSyncEmulatorConfig.Builder> emulator, String... common)
            throws Exception {
        this.identities = identities;
        aws = LocalAws.start(config -> emulator.accept(config.generate(identities)
                .identityPoolId(LocalAws.POOL.value()).seed(13)));
        jdbcUrl = newDatabase();
        nodes = new ClusterNodes(jdbcUrl, aws, work, List.of(common));
        jar().ifPresent(nodes::useJar);
    }

    /**
     * Two workers of 2 threads and a manager of 4 partitions, all given {@code common}: exact, and both worked. The
     * manager starts once both workers are ready, so that a worker slow to start cannot find every partition taken.
     */
    void assertTwoWorkersCopyExactly(String... common) throws Exception {
        start(config -> config.latencyMs(2), common);
        startReadyWorkers(2);

        Process manager = nodes.start("manager", "manager", managerOptions(4));

        assertExact(manager);
        assertEachRanPartitions("worker1", "worker2");
    }

    /** Starts {@code worker1} and {@code worker2} of {@code threads} threads each; returns once both are ready. */
    void startReadyWorkers(int threads) throws Exception {
        Process worker1 = nodes.start("worker1", "worker", "--threads", Integer.toString(threads));
        Process worker2 = nodes.start("worker2", "worker", "--threads", Integer.toString(threads));
        nodes.awaitReady("worker1", worker1);
        nodes.awaitReady("worker2", worker2);
    }

    /** The manager's options: {@code threads} partitions and the report. */
    String[] managerOptions(int threads) {
        return new String[] {"--threads", Integer.toString(threads), "--report", report().toString()};
    }

    /** Waits for {@code manager} to end; returns its exit code. */
    int exitCodeOf(Process manager) throws Exception {
        assertThat(manager.waitFor(4, TimeUnit.MINUTES)).as(nodes.allLogs()).isTrue();
        return manager.exitValue();
    }

    /**
     * The run ended exact: exit 0, the store equals the source (read at full speed, without the emulator's latency),
     * the report counts what the source holds, and so does the manager's last progress line, though the workers did
     * the copying.
     */
    void assertExact(Process manager) throws Exception {
        assertThat(exitCodeOf(manager)).as(nodes.allLogs()).isZero();
        long records = SourceTruth.assertStoreEqualsSourceAtFullSpeed(aws);
        JsonNode report = new ObjectMapper().readTree(report().toFile());
        assertThat(report.path("runId").asLong()).isEqualTo(1);
        assertThat(report.path("counts").path("identities").asLong()).isEqualTo(identities);
        assertThat(report.path("counts").path("records").asLong()).isEqualTo(records);
        assertThat(report.path("counts").path("failures").asLong()).isZero();
        assertThat(nodes.logOf("manager")).contains(String.format(Locale.ROOT,
                "progress: %d identities of %d, %,d records, ", identities, identities, records));
    }

    /** Each of {@code workers} ran at least one partition. */
    void assertEachRanPartitions(String... workers) throws Exception {
        for (String worker : workers) {
            assertThat(nodes.logOf(worker)).as(worker + " ran partitions").contains("Running partition copyPartition:");
        }
    }

    /** The job repository of the cluster. */
    JdbcTemplate repository() {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", "postgres"));
    }

    private Path report() {
        return work.resolve("report.json");
    }
}
