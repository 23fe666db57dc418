package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.ClassArchive;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The migrator's command line in a child JVM, so that it can be killed with SIGKILL. Its class path is this test's
 * without the test classes, so that it logs as the jar does (the tests' {@code logback-test.xml} stays out), and it
 * maps the {@link ClassArchive} of that class path.
 */
final class ChildMigrator {

    private ChildMigrator() {
    }

    /** Starts {@code args} with the emulators' developer credentials; its output goes to {@code log}. */
    static Process start(Path log, List<String> args) throws IOException {
        return start(log, args, Map.of());
    }

    /** As {@link #start(Path, List)}, with {@code environment} added to the process's environment. */
    static Process start(Path log, List<String> args, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = builder(log, args);
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDDEVELOPER");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "developer-secret");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Starts {@code args} where the SDK finds no credentials: no {@code AWS_*} variables, profile files that do not
     * exist (under {@code home}) and instance metadata turned off, so nothing is asked of the network.
     */
    static Process startWithoutCredentials(Path log, Path home, List<String> args) throws IOException {
        return startWithoutCredentials(log, home, args, Map.of());
    }

    /**
     * As {@link #startWithoutCredentials(Path, Path, List)}, with {@code environment} added: where the credentials
     * are to come from (a {@code config} file written under {@code home}, a web identity token).
     */
    static Process startWithoutCredentials(Path log, Path home, List<String> args, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder = builder(log, args);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(Map.of("HOME", home.toString(), "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_CONFIG_FILE", home.resolve("config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Checks the end of a run continued by the same command in {@code work}: the store equals {@code aws}'s source, and
     * the report is run 1's, counting every one of the pool's {@code identities}, every record and no failure.
     */
    static void assertRunOneCopiedEverything(LocalAws aws, Path work, int identities) throws IOException {
        long records = SourceTruth.assertStoreEqualsSourceAtFullSpeed(aws);
        JsonNode report = new ObjectMapper().readTree(work.resolve("report.json").toFile());
        assertThat(report.path("runId").asLong()).isEqualTo(1);
        assertThat(report.path("counts").path("identities").asLong()).isEqualTo(identities);
        assertThat(report.path("counts").path("records").asLong()).isEqualTo(records);
        assertThat(report.path("counts").path("failures").asLong()).isZero();
    }

    private static ProcessBuilder builder(Path log, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(ClassArchive.get().launch());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the emulators are reached direct, whatever proxy this machine names, unless a test names one
        builder.environment().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        return builder;
    }

    /** A port of this machine that nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The {@code migrate} command of {@code aws}'s pool into its table, with its work dir and report under
     * {@code work}, four threads and no progress bar.
     */
    static List<String> migrate(LocalAws aws, Path work) {
        return List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", LocalAws.TABLE,
                "--cognito-endpoint", aws.cognito().endpoint().toString(), "--dynamodb-endpoint",
                aws.dynamoDb().endpoint().toString(), "--region", "us-east-1", "--work-dir", work.toString(),
                "--report", work.resolve("report.json").toString(), "--threads", "4", "--progress", "off");
    }

    /** Waits until {@code aws}'s table holds {@code threshold} items while the child runs; returns the items then. */
    static long awaitItems(Process child, LocalAws aws, long threshold) throws InterruptedException {
        long items = 0;
        while (child.isAlive() && items < threshold) {
            items = aws.dynamoDbClient().scan(s -> s.tableName(LocalAws.TABLE).select("COUNT")).count();
            child.waitFor(20, TimeUnit.MILLISECONDS);
        }
        assertThat(child.isAlive()).as("the child was still running at %d items", items).isTrue();
        return items;
    }
}
