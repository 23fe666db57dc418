package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cluster as users run it: a manager and two workers, each {@code java -jar target/syncshift-migrator.jar migrate
 * --role …}, over the default transport (the PostgreSQL job repository's own channel) of an embedded PostgreSQL,
 * with the source throttling ListRecords and the cluster given the same limit: the store ends exactly equal to the
 * source, both workers ran partitions, and together they kept the one rate limit (no call throttled, at least 0.9 of
 * the limit). An integration test, so that the jar the build packaged is the one started; the other cluster tests
 * run the same classes from the test class path.
 */
class RemotePartitioningJarIT extends PostgresClusterScenario {

    static final double LIST_RECORDS_RPS = 3;
    static final Pattern LIST_RECORDS = Pattern.compile("ListRecords=(\\d+)/(\\d+)");

    @Override
    Optional<Path> jar() {
        return Optional.of(Path.of("target/syncshift-migrator.jar").toAbsolutePath());
    }

    @Test
    void twoWorkersOfThePackagedJarCopyThePoolExactlyAndTogetherKeepTheRateLimit() throws Exception {
        start(config -> config.throttleRps("ListRecords", LIST_RECORDS_RPS), "--max-rps",
                "ListRecords=" + LIST_RECORDS_RPS);
        startReadyWorkers(3);

        Process manager = nodes.start("manager", "manager", managerOptions(6));

        assertExact(manager);
        assertEachRanPartitions("worker1", "worker2");
        long[] calls = listRecordsCalls("worker1", "worker2");
        double seconds = copySeconds();
        assertThat(calls[1]).as("throttled ListRecords calls").isZero();
        assertThat(calls[0] / seconds)
                .as("ListRecords/s while the workers copied (%d calls in %.1f s)", calls[0], seconds)
                .isBetween(0.9 * LIST_RECORDS_RPS, LIST_RECORDS_RPS + 1 / seconds);
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

    /**
     * How long the workers copied, from the job repository: the first partition's start to the last one's end. The
     * manager's copy step is longer by its own start and its last poll, which say nothing of the rate limit and grow
     * on a loaded machine.
     */
    private double copySeconds() {
        return repository().queryForObject("SELECT EXTRACT(EPOCH FROM MAX(END_TIME) - MIN(START_TIME)) FROM "
                + "BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'copyPartition:%'", Double.class);
    }
}
