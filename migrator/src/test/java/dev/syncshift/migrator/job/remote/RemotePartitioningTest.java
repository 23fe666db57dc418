package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.LocalAws;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One manager and two workers, each its own JVM, sharing an embedded PostgreSQL job repository, against the Cognito
 * Sync emulator and DynamoDB Local in this JVM, with the default transport (a PostgreSQL channel): the store ends
 * exactly equal to the source, both workers run partitions, and together they keep one rate limit; a worker killed
 * mid-partition fails the run cleanly and the same command finishes it.
 */
class RemotePartitioningTest extends ClusterScenario {

    static final double LIST_RECORDS_RPS = 3;
    static final Pattern LIST_RECORDS = Pattern.compile("ListRecords=(\\d+)/(\\d+)");

    static SharedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = SharedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    String newDatabase() throws Exception {
        return postgres.newDatabase();
    }

    @Test
    void twoWorkersCopyThePoolExactlyAndTogetherKeepTheRateLimit() throws Exception {
        start(config -> config.throttleRps("ListRecords", LIST_RECORDS_RPS), "--max-rps",
                "ListRecords=" + LIST_RECORDS_RPS);
        nodes.start("worker1", "worker", "--threads", "3");
        nodes.start("worker2", "worker", "--threads", "3");

        Process manager = nodes.start("manager", "manager", managerOptions(6));

        assertExact(manager);
        assertEachRanPartitions("worker1", "worker2");
        long[] calls = listRecordsCalls("worker1", "worker2");
        double seconds = copySeconds();
        assertThat(calls[1]).as("throttled ListRecords calls").isZero();
        assertThat(calls[0] / seconds).as("ListRecords/s over the copy step (%d calls in %.1f s)", calls[0], seconds)
                .isBetween(0.9 * LIST_RECORDS_RPS, LIST_RECORDS_RPS + 1 / seconds);
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheRunCleanlyAndTheSameCommandFinishesItExact() throws Exception {
        start(config -> config.latencyMs(3));
        Process victim = nodes.start("worker1", "worker", "--threads", "2");
        nodes.start("worker2", "worker", "--threads", "2");

        Process first = nodes.start("manager", "manager", managerOptions(4));
        waitUntilRunning(victim, "worker1");
        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(exitCodeOf(first)).as("incomplete: " + nodes.allLogs()).isEqualTo(4);
        assertThat(nodes.logOf("manager")).contains("lost its worker");
        assertExact(nodes.start("manager", "manager", managerOptions(4)));
        assertThat(nodes.logOf("manager")).contains("Restarting run 1");
    }

    /** The ListRecords calls and throttled calls of {@code workers}, from the last count each one logged. */
    private long[] listRecordsCalls(String... workers) throws Exception {
        long[] sum = new long[2];
        for (String worker : workers) {
            Matcher counts = LIST_RECORDS.matcher(nodes.logOf(worker));
            long[] last = new long[2];
            while (counts.find()) {
                last = new long[] {Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2))};
            }
            sum[0] += last[0];
            sum[1] += last[1];
        }
        return sum;
    }

    /** How long the manager's copy step ran, from the job repository. */
    private double copySeconds() {
        return repository().queryForObject("SELECT EXTRACT(EPOCH FROM END_TIME - START_TIME) FROM "
                + "BATCH_STEP_EXECUTION WHERE STEP_NAME = 'copy'", Double.class);
    }

    /** Waits until worker {@code name} runs a partition and the store has items. */
    private void waitUntilRunning(Process worker, String name) throws Exception {
        long items = 0;
        while (worker.isAlive() && (items < 20 || !nodes.logOf(name).contains("Running partition"))) {
            items = aws.dynamoDbClient().scan(s -> s.tableName(LocalAws.TABLE).select("COUNT")).count();
            worker.waitFor(50, TimeUnit.MILLISECONDS);
        }
        assertThat(worker.isAlive()).as(nodes.allLogs()).isTrue();
    }
}
