package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.ClassArchive;
import dev.syncshift.migrator.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Manager and worker processes of one cluster: child JVMs on this test's class path, its test classes last and the
 * {@link ClassArchive} of the rest mapped (or of the packaged jar, after {@link #useJar}), sharing one PostgreSQL
 * database as their job repository and the emulators of a {@link LocalAws} (or others the test names).
 * Each node logs to its own file in {@code dir}, a manager its progress lines too (no terminal: {@code --progress auto}
 * prints lines). Closing stops every node still running (SIGTERM, then SIGKILL).
 */
final class ClusterNodes implements AutoCloseable {

    private final String jdbcUrl;
    private final String pool;
    private final String table;
    private final URI dynamoDb;
    private final Path dir;
    private final List<String> common;
    private final List<String> timings;
    private @Nullable Path jar;
    private URI cognitoEndpoint;
    private String region = "us-east-1";
    private final List<Process> started = new ArrayList<>();

    /**
     * Nodes of a cluster with heartbeats every 0.5 s (ten times the default), the manager polling every 0.2 s (the
     * default) and a node lost after 3 s, so that tests see a lost node and an ended partition quickly.
     *
     * @param jdbcUrl the shared job repository (user and password {@code postgres})
     * @param common options every node gets, after the pool's
     */
    ClusterNodes(String jdbcUrl, LocalAws aws, Path dir, List<String> common) {
        this(jdbcUrl, LocalAws.POOL.value(), LocalAws.TABLE, aws.cognito().endpoint(), aws.dynamoDb().endpoint(), dir,
                common);
    }

    /** Nodes of a cluster with these JVM options for its timings (none: the defaults a user gets). */
    ClusterNodes(String jdbcUrl, LocalAws aws, Path dir, List<String> common, List<String> timings) {
        this(jdbcUrl, LocalAws.POOL.value(), LocalAws.TABLE, aws.cognito().endpoint(), aws.dynamoDb().endpoint(), dir,
                common, timings);
    }

    /**
     * Nodes of a cluster over pool {@code pool} of the Cognito emulator at {@code cognito} and table {@code table} of
     * the DynamoDB at {@code dynamoDb}, with the test timings of {@link #ClusterNodes(String, LocalAws, Path, List)}.
     */
    ClusterNodes(String jdbcUrl, String pool, String table, URI cognito, URI dynamoDb, Path dir, List<String> common) {
        this(jdbcUrl, pool, table, cognito, dynamoDb, dir,
                Stream.concat(common.stream(), Stream.of("--lost-after", "3s")).toList(),
                List.of("-Dsyncshift.migrator.cluster.heartbeat=500ms",
                        "-Dsyncshift.migrator.cluster.poll-interval=200ms"));
    }

    private ClusterNodes(String jdbcUrl, String pool, String table, URI cognito, URI dynamoDb, Path dir,
            List<String> common, List<String> timings) {
        this.jdbcUrl = jdbcUrl;
        this.pool = pool;
        this.table = table;
        this.dynamoDb = dynamoDb;
        this.dir = dir;
        this.common = List.copyOf(common);
        this.timings = List.copyOf(timings);
        this.cognitoEndpoint = cognito;
    }

    /** Starts the nodes from then on as {@code java -jar jar}, as a user runs them. */
    void useJar(Path jar) {
        this.jar = jar;
    }

    private List<String> launch() {
        if (jar != null) {
            return List.of("-jar", jar.toString());
        }
        return ClassArchive.get().launch(ClassArchive.testClasses());
    }

    /** Nodes started from then on call Cognito at {@code endpoint} (a relay in front of the emulator, or not). */
    void useCognitoEndpoint(URI endpoint) {
        cognitoEndpoint = endpoint;
    }

    /** Nodes started from then on keep the table in {@code region} (us-east-1 before). */
    void useRegion(String region) {
        this.region = region;
    }

    /** Starts {@code migrate --role ROLE} with the pool's options, then {@code extra}; it logs to {@code name.log}. */
    Process start(String name, String role, String... extra) throws IOException {
        return start(name, List.of("--role", role), Map.of(), extra);
    }

    /** As {@link #start(String, String, String...)}, the role given as a container gives it: in the environment. */
    Process startWithRoleInTheEnvironment(String name, String role, String... extra) throws IOException {
        return start(name, List.of(), Map.of("SYNCSHIFT_MIGRATOR_CLUSTER_ROLE", role), extra);
    }

    private Process start(String name, List<String> roleOption, Map<String, String> environment, String... extra)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dspring.datasource.url=" + jdbcUrl,
                "-Dspring.datasource.username=postgres", "-Dspring.datasource.password=postgres"));
        command.addAll(timings);
        command.addAll(launch());
        command.add("migrate");
        command.addAll(roleOption);
        command.addAll(poolOptions());
        command.addAll(common);
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "AKIDDEVELOPER",
                "AWS_SECRET_ACCESS_KEY", "developer-secret"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits until worker {@code name} says it is ready to take partitions; fails if it ends first. */
    void awaitReady(String name, Process worker) throws IOException, InterruptedException {
        while (!logOf(name).contains("worker ready")) {
            assertThat(worker.isAlive()).as(allLogs()).isTrue();
            worker.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    /** The log file of node {@code name}. */
    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** What node {@code name} logged so far. */
    String logOf(String name) throws IOException {
        return Files.exists(log(name)) ? Files.readString(log(name)) : "";
    }

    /** Every log, for a failure message. */
    String allLogs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                all.append("==== ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        }
        return all.toString();
    }

    private List<String> poolOptions() {
        return List.of("--identity-pool-id", pool, "--table", table, "--cognito-endpoint", cognitoEndpoint.toString(),
                "--dynamodb-endpoint", dynamoDb.toString(), "--region", region, "--work-dir", dir.toString());
    }

    @Override
    public void close() throws InterruptedException {
        started.forEach(Process::destroy);
        for (Process process : started) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
