package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.LocalAws;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One manager and two workers, each its own JVM, sharing an embedded PostgreSQL job repository, against the Cognito
 * Sync emulator and DynamoDB Local in this JVM, with the default transport (a PostgreSQL channel): a worker killed
 * mid-partition fails the run cleanly, a worker started meanwhile joins it, and the same command finishes it; a worker
 * stopped by SIGTERM does the same at once, without waiting to count as lost; a manager killed mid-run is replaced by
 * the same command once its silence says it is gone, after the partitions workers still run for it end; a partition
 * that fails on a worker (a call no retry passes) is one line in the worker's log, the manager's summary says why, and
 * the same command finishes; a manager whose partitions no worker takes (none of its mode) says so, and a worker
 * started then finishes the run; a worker that spells the manager's endpoints another way takes its partitions; a
 * worker takes its role from the environment as well as from {@code --role}; a bad cluster setting is one line and
 * exit 2. The plain run (exact, both workers ran partitions, one rate limit kept together) is
 * {@link RemotePartitioningJarIT}'s, from the packaged jar.
 */
class RemotePartitioningTest extends PostgresClusterScenario {

    /**
     * The pool of the tests whose point is which worker takes the run's partitions, or what a node says, rather than
     * a run caught mid-partition: three identities a partition. Those that kill or stop a node mid-partition keep
     * {@link #IDENTITIES}, which the emulator's latency spreads over long enough to catch.
     */
    private static final int SMALL_POOL = 12;

    @Test
    void aWorkerKilledMidPartitionFailsTheRunCleanlyAndTheSameCommandFinishesItExact() throws Exception {
        start(config -> config.latencyMs(3));
        Process victim = nodes.start("worker1", "worker", "--threads", "2");
        Process first = nodes.start("manager", "manager", managerOptions(4));
        waitUntilRunning(victim, "worker1");

        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        nodes.start("worker2", "worker", "--threads", "2");

        assertThat(exitCodeOf(first)).as("incomplete: " + nodes.allLogs()).isEqualTo(4);
        assertThat(nodes.logOf("manager")).containsPattern("run did not complete: partition \\d+ lost its worker: "
                + "no heartbeat for 3s \\(the worker died or lost the database\\)");
        assertThat(nodes.logOf("worker2")).as("joined the running job").contains("Running partition");
        assertExact(nodes.start("manager", "manager", managerOptions(4)));
        assertThat(nodes.logOf("manager")).contains("Restarting run 1");
    }

    @Test
    void aWorkerStoppedBySigtermEndsItsPartitionsAtOnceAndTheSameCommandFinishesTheRunExact() throws Exception {
        start(config -> config.latencyMs(3));
        nodes.close();
        nodes = new ClusterNodes(jdbcUrl, aws, work, List.of(), List.of());
        Process victim = nodes.start("worker1", "worker", "--threads", "2");
        Process first = nodes.start("manager", "manager", managerOptions(4));
        waitUntilRunning(victim, "worker1");

        victim.destroy();
        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).as("stopped well before it would count as lost (60 s): "
                + nodes.allLogs()).isTrue();
        assertThat(victim.exitValue()).as("a worker has no run of its own to report: SIGTERM's status")
                .isEqualTo(143);
        nodes.start("worker2", "worker", "--threads", "2");

        assertThat(exitCodeOf(first)).as("incomplete: " + nodes.allLogs()).isEqualTo(4);
        assertThat(nodes.logOf("worker1")).contains("Stopping: asking 2 running partition(s) to end")
                .contains("ended STOPPED").doesNotContain("did not end within");
        assertThat(nodes.logOf("manager")).contains("STOPPED (incomplete").doesNotContain("lost its worker");
        assertExact(nodes.start("manager", "manager", managerOptions(4)));
        assertThat(nodes.logOf("manager")).contains("Restarting run 1");
    }

    @Test
    void aManagerKilledMidRunIsReplacedByTheSameCommandAndTheRunEndsExact() throws Exception {
        start(config -> config.latencyMs(3));
        killManagerMidRun();

        Process again = nodes.start("manager", "manager", managerOptions(4));
        if (exitCodeOf(again) == 3) {
            assertThat(nodes.logOf("manager")).as("refused while the old manager may live").contains("has not ended")
                    .contains("silent for --lost-after");
            waitUntilManagerSilentFor(3);
            again = nodes.start("manager", "manager", managerOptions(4));
        }

        assertExact(again);
        assertThat(nodes.logOf("manager")).contains("recovering it").contains("Restarting run 1");
    }

    /**
     * The workers outlive the manager and still run its partitions, whose identities are all listed, when the same
     * command is started again: it waits for them to end rather than send them again to run twice at once. Cognito
     * answers the workers slowly (800 ms a call, through a relay) until the manager is killed, then holds their
     * calls, so that their partitions still run however long the new manager (which calls Cognito directly) takes to
     * start, until it says it waits for them.
     */
    @Test
    void aManagerStartedAgainWhileItsPartitionsStillRunOnWorkersWaitsForThemAndNoneRunsTwice() throws Exception {
        start(config -> { });
        try (LatencyRelay slowCognito = LatencyRelay.start(aws.cognito().endpoint(), 800)) {
            nodes.useCognitoEndpoint(slowCognito.endpoint());
            killManagerMidRun();
            slowCognito.hold();
            nodes.useCognitoEndpoint(aws.cognito().endpoint());

            waitUntilManagerSilentFor(3);
            Process again = nodes.start("manager", "manager", managerOptions(4));
            String waiting = "partitions still run on workers: waiting for them to end";
            // until it waits, or (were it not to) restarts the run at once, or ends
            while (!nodes.logOf("manager").contains(waiting) && !nodes.logOf("manager").contains("Restarting run")
                    && again.isAlive()) {
                again.waitFor(100, TimeUnit.MILLISECONDS);
            }
            slowCognito.latencyMs(0);

            assertThat(exitCodeOf(again)).as(nodes.allLogs()).isZero();
            assertThat(nodes.logOf("worker1") + nodes.logOf("worker2")).as("no partition was taken from its worker")
                    .doesNotContain("ended UNKNOWN").doesNotContain("ended FAILED");
            assertThat(nodes.logOf("manager")).contains(waiting);
            assertExact(again);
        }
    }

    @Test
    void aPartitionThatFailsOnAWorkerIsOneLineThereTheManagerSaysWhyAndTheSameCommandFinishesTheRun()
            throws Exception {
        start(SMALL_POOL, config -> { });
        aws.dynamoDb().cancelTransactions("ItemCollectionSizeLimitExceeded");
        nodes.start("worker1", "worker", "--threads", "2");
        Process first = nodes.start("manager", "manager", managerOptions(4));

        assertThat(exitCodeOf(first)).as(nodes.allLogs()).isEqualTo(4);
        assertThat(nodes.logOf("worker1")).containsPattern("FailedStepLog - Partition [0-3] failed: Transaction "
                + "cancelled, .*\\[ItemCollectionSizeLimitExceeded[^]]*\\].*; run the same command again to continue");
        assertThat(nodes.logOf("manager")).as("the manager names the worker's failure, not Spring Batch's summary")
                .contains("run did not complete: Transaction cancelled, please refer cancellation reasons")
                .doesNotContain("Partition handler returned an unsuccessful step");
        assertExact(nodes.start("manager", "manager", managerOptions(4)));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // without the warning, the manager would wait for ever
    void aManagerWhosePartitionsNoWorkerTakesSaysWhyAndAWorkerOfItsModeFinishesTheRun() throws Exception {
        start(SMALL_POOL, config -> { });
        // a worker given another table (a staging table left in its configuration) would copy the run into it
        // and one given the same table's name in another region (a profile's region) would copy it there
        try (ClusterNodes staging = new ClusterNodes(jdbcUrl, LocalAws.POOL.value(), "syncshift-staging",
                aws.cognito().endpoint(), aws.dynamoDb().endpoint(), work, List.of());
                ClusterNodes elsewhere = new ClusterNodes(jdbcUrl, LocalAws.POOL.value(), LocalAws.TABLE,
                        aws.cognito().endpoint(), aws.dynamoDb().endpoint(), work, List.of())) {
            elsewhere.useRegion("eu-west-1");
            // the three start at once, and the manager once all three are ready to take what they may
            Process otherMode = nodes.start("delta-worker", "worker", "--threads", "2", "--mode", "delta");
            Process otherTable = staging.start("staging-worker", "worker", "--threads", "2", "--create-table");
            Process otherRegion = elsewhere.start("eu-worker", "worker", "--threads", "2", "--create-table");
            nodes.awaitReady("delta-worker", otherMode);
            staging.awaitReady("staging-worker", otherTable);
            elsewhere.awaitReady("eu-worker", otherRegion);
            Process manager = nodes.start("manager", "manager", managerOptions(4));

            String warning = "No worker has taken any of the run's 4 partitions in 3s. A worker takes only runs of "
                    + "its own pool, table, regions, endpoints and mode: start workers with this manager's "
                    + "--identity-pool-id, --table, --mode full, --region and endpoints (DynamoDB us-east-1 at "
                    + aws.dynamoDb().endpoint() + ", Cognito Identity us-east-1 at " + aws.cognito().endpoint();
            while (!nodes.logOf("manager").contains(warning)) {
                assertThat(manager.isAlive()).as(nodes.allLogs()).isTrue();
                manager.waitFor(100, TimeUnit.MILLISECONDS);
            }
            nodes.start("worker1", "worker", "--threads", "2");

            assertExact(manager);
            assertThat(nodes.logOf("delta-worker")).doesNotContain("Running partition");
            assertThat(staging.logOf("staging-worker")).doesNotContain("Running partition");
            assertThat(elsewhere.logOf("eu-worker")).doesNotContain("Running partition");
        }
    }

    /**
     * A worker that spells the manager's endpoints another way (the loopback by address rather than by name, or the
     * other way round, in upper case, with a trailing slash) calls the same stores, so it takes the run's partitions.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // before, the worker took none and the manager waited for ever
    void aWorkerThatSpellsTheManagersEndpointsAnotherWayTakesTheRunsPartitionsExact() throws Exception {
        start(SMALL_POOL, config -> { });
        try (ClusterNodes respelled = new ClusterNodes(jdbcUrl, LocalAws.POOL.value(), LocalAws.TABLE,
                respelled(aws.cognito().endpoint()), respelled(aws.dynamoDb().endpoint()), work, List.of())) {
            Process worker = respelled.start("worker1", "worker", "--threads", "2");
            // the manager starts with it, not once it is ready: the run waits for a worker to take its partitions
            Process manager = nodes.start("manager", "manager", managerOptions(4));
            respelled.awaitReady("worker1", worker);

            assertExact(manager);
            assertThat(respelled.logOf("worker1")).contains("Running partition");
        }
    }

    /** Another spelling of {@code endpoint}: the loopback by address for its name or the other way, upper case. */
    private static URI respelled(URI endpoint) {
        String host = endpoint.getHost().equals("localhost") ? "127.0.0.1" : "LocalHost";
        return URI.create("HTTP://" + host + ":" + endpoint.getPort() + "/");
    }

    /** A container names its role in the environment, as it gives every other setting. */
    @Test
    void aWorkerWhoseRoleTheEnvironmentNamesTakesTheRunsPartitionsExact() throws Exception {
        start(SMALL_POOL, config -> { });
        Process worker = nodes.startWithRoleInTheEnvironment("worker1", "worker", "--threads", "2");
        // the manager starts with it, not once it is ready: the run waits for a worker to take its partitions
        Process manager = nodes.start("manager", "manager", managerOptions(4));
        nodes.awaitReady("worker1", worker);

        assertExact(manager);
        assertThat(nodes.logOf("worker1")).contains("Running partition");
    }

    /** The cluster's settings are bound as a node starts; a bad one is one line naming it and exit 2, as any other. */
    @Test
    void aBadClusterSettingIsOneLineAndExitTwo() throws Exception {
        start(SMALL_POOL, config -> { });
        try (ClusterNodes misconfigured = new ClusterNodes(jdbcUrl, aws, work, List.of(),
                List.of("-Dsyncshift.migrator.cluster.heartbeat=often"));
                ClusterNodes hasty = new ClusterNodes(jdbcUrl, aws, work, List.of(),
                        List.of("-Dsyncshift.migrator.cluster.lost-after=1s"))) {
            Process worker = misconfigured.start("misconfigured", "worker");
            Process hastyWorker = hasty.start("hasty", "worker");

            assertThat(exitCodeOf(worker)).as(misconfigured.allLogs()).isEqualTo(2);
            assertThat(misconfigured.logOf("misconfigured").lines().toList()).containsExactly(
                    "syncshift-migrator: syncshift.migrator.cluster.heartbeat is 'often', not a valid heartbeat");
            assertThat(exitCodeOf(hastyWorker)).as(hasty.allLogs()).isEqualTo(2);
            assertThat(hasty.logOf("hasty").lines().toList()).containsExactly("syncshift-migrator: "
                    + "syncshift.migrator.cluster.lost-after (1s) must be at least twice the heartbeat (5s)");
        }
    }

    /**
     * Starts two workers of 2 threads and a manager of 4 partitions in the started cluster, and kills the manager
     * (SIGKILL) once worker1 runs a partition.
     */
    private void killManagerMidRun() throws Exception {
        nodes.start("worker1", "worker", "--threads", "2");
        nodes.start("worker2", "worker", "--threads", "2");
        Process first = nodes.start("manager", "manager", managerOptions(4));
        waitUntilRunning(first, "worker1");
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits until worker {@code worker} runs a partition and the store has items, while {@code process} lives. */
    private void waitUntilRunning(Process process, String worker) throws Exception {
        long items = 0;
        while (process.isAlive() && (items < 20 || !nodes.logOf(worker).contains("Running partition"))) {
            items = aws.dynamoDbClient().scan(s -> s.tableName(LocalAws.TABLE).select("COUNT")).count();
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        assertThat(process.isAlive()).as(nodes.allLogs()).isTrue();
    }

    /** Waits until the run's manager heartbeat is older than {@code seconds}. */
    private void waitUntilManagerSilentFor(int seconds) throws Exception {
        String stale = "SELECT COUNT(*) FROM SYNCSHIFT_HEARTBEAT WHERE KIND = 'MANAGER' AND BEAT < LOCALTIMESTAMP - "
                + "INTERVAL '" + seconds + " seconds'";
        CountDownLatch never = new CountDownLatch(1);
        while (repository().queryForObject(stale, Integer.class) == 0) {
            never.await(100, TimeUnit.MILLISECONDS);
        }
    }
}
