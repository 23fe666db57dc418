package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of coordination: the same generated pool against the same emulator capacity, copied by one process with
 * {@code T} threads, by a manager with one worker of {@code T} threads (what the manager, the job repository and the
 * transport cost, the process count aside) and by a manager with two workers of {@code T/2} threads each, all on
 * this machine and all with the same PostgreSQL job repository, with the cluster's default timings (heartbeat,
 * manager poll), the manager started once its workers are ready (every run is timed from the job's start). The
 * three runs of a round take turns at going first, so that none always meets a warmer machine. Prints records/s of
 * each, each worker's busy share and the medians of the rounds' ratios. Run with
 * {@code -Dsyncshift.benchmark=cluster} (sizes: {@code -Dsyncshift.benchmark.identities},
 * {@code .threads}, {@code .latency-ms}, {@code .rounds}).
 */
@EnabledIfSystemProperty(named = "syncshift.benchmark", matches = "cluster")
class ClusterBenchmarkTest {

    static final int IDENTITIES = Integer.getInteger("syncshift.benchmark.identities", 600);
    static final int THREADS = Integer.getInteger("syncshift.benchmark.threads", 8);
    static final int LATENCY_MS = Integer.getInteger("syncshift.benchmark.latency-ms", 20);
    static final int ROUNDS = Integer.getInteger("syncshift.benchmark.rounds", 5);
    static final Pattern PARTITION = Pattern.compile(
            "(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*(Running partition|Partition) (copyPartition:partition\\d+)");

    @TempDir
    Path work;

    @Test
    void oneProcessAgainstAManagerWithOneAndWithTwoWorkersAtEqualThreads() throws Exception {
        try (SharedPostgres postgres = SharedPostgres.start()) {
            System.out.printf(Locale.ROOT, "%nbenchmark: %d identities, emulator latency %d ms, %d threads in all, "
                    + "%d rounds (each a fresh emulator and table, the JVMs of the test warm)%n", IDENTITIES,
                    LATENCY_MS, THREADS, ROUNDS);
            List<Double> oneWorker = new ArrayList<>();
            List<Double> twoWorkers = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                Run[] runs = new Run[3];
                for (int turn = 0; turn < 3; turn++) {
                    int which = (round + turn) % 3;
                    runs[which] = which == 0 ? single(postgres, round) : cluster(postgres, round, which);
                }
                print(round, runs);
                assertThat(runs[1].records()).isEqualTo(runs[0].records()).isEqualTo(runs[2].records());
                oneWorker.add(runs[1].recordsPerSecond() / runs[0].recordsPerSecond());
                twoWorkers.add(runs[2].recordsPerSecond() / runs[0].recordsPerSecond());
            }
            System.out.printf(Locale.ROOT, "medians of the %d rounds, against one process: manager + 1 worker "
                    + "%.1f%%, manager + 2 workers %.1f%%%n", ROUNDS, 100 * median(oneWorker),
                    100 * median(twoWorkers));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void print(int round, Run... runs) {
        System.out.printf(Locale.ROOT, "round %d%n  one process:          %8.1f records/s (%d records in %.1f s)%n",
                round, runs[0].recordsPerSecond(), runs[0].records(), runs[0].seconds());
        for (int workers = 1; workers <= 2; workers++) {
            Run cluster = runs[workers];
            System.out.printf(Locale.ROOT, "  manager + %d worker%s: %8.1f records/s (%d records in %.1f s), %.1f%% of "
                    + "one process%n", workers, workers == 1 ? " " : "s", cluster.recordsPerSecond(),
                    cluster.records(), cluster.seconds(),
                    100 * cluster.recordsPerSecond() / runs[0].recordsPerSecond());
            cluster.busy().forEach((worker, share) -> System.out.printf(Locale.ROOT,
                    "    %s: partition threads busy %.0f%% of the run, CPU %.0f%% of one core%n", worker,
                    100 * share[0], 100 * share[1]));
        }
    }

    private Run single(SharedPostgres postgres, int round) throws Exception {
        try (LocalAws aws = pool(); ClusterNodes nodes = nodes(postgres, aws, "single" + round)) {
            Process process = nodes.start("single", "local", "--threads", Integer.toString(THREADS), "--report",
                    work.resolve("single" + round + ".json").toString());
            assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(nodes.allLogs()).isZero();
            return Run.of(work.resolve("single" + round + ".json"), Map.of());
        }
    }

    private Run cluster(SharedPostgres postgres, int round, int workers) throws Exception {
        String name = "cluster" + workers + "-" + round;
        try (LocalAws aws = pool(); ClusterNodes nodes = nodes(postgres, aws, name)) {
            String threads = Integer.toString(THREADS / workers);
            Map<String, Process> started = new HashMap<>();
            for (int i = 1; i <= workers; i++) {
                started.put("worker" + i, nodes.start("worker" + i, "worker", "--threads", threads));
            }
            for (Map.Entry<String, Process> worker : started.entrySet()) {
                awaitReady(nodes, worker.getKey(), worker.getValue());
            }
            Process manager = nodes.start("manager", "manager", "--threads", Integer.toString(THREADS), "--report",
                    work.resolve(name + ".json").toString());
            assertThat(manager.waitFor(30, TimeUnit.MINUTES)).isTrue();
            assertThat(manager.exitValue()).as(nodes.allLogs()).isZero();
            Run run = Run.of(work.resolve(name + ".json"), Map.of());
            Map<String, double[]> busy = new HashMap<>();
            for (Map.Entry<String, Process> worker : started.entrySet()) {
                busy.put(worker.getKey(), busyShare(nodes.logOf(worker.getKey()), worker.getValue(), run.seconds(),
                        THREADS / workers));
            }
            return new Run(run.records(), run.seconds(), busy);
        }
    }

    /**
     * Waits until the worker says it is ready, so that the run times coordination and not three JVMs starting at
     * once on the same cores (the single process's run, too, is timed from the job's start).
     */
    private static void awaitReady(ClusterNodes nodes, String name, Process worker) throws Exception {
        while (!nodes.logOf(name).contains("worker ready")) {
            assertThat(worker.isAlive()).as(nodes.allLogs()).isTrue();
            worker.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    /** {partition threads' busy share of the run, CPU seconds per second of the run}. */
    private static double[] busyShare(String log, Process worker, double runSeconds, int threads) {
        Map<String, LocalTime> started = new HashMap<>();
        double busySeconds = 0;
        Matcher line = PARTITION.matcher(log);
        while (line.find()) {
            LocalTime at = LocalTime.parse(line.group(1));
            if (line.group(2).startsWith("Running")) {
                started.put(line.group(3), at);
            } else if (started.containsKey(line.group(3))) {
                busySeconds += Duration.between(started.remove(line.group(3)), at).toMillis() / 1e3;
            }
        }
        double cpu = worker.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(0.0);
        return new double[] {busySeconds / threads / runSeconds, cpu / runSeconds};
    }

    private LocalAws pool() {
        return LocalAws.start(config -> config.generate(IDENTITIES).identityPoolId(LocalAws.POOL.value()).seed(21)
                .latencyMs(LATENCY_MS));
    }

    private ClusterNodes nodes(SharedPostgres postgres, LocalAws aws, String name) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        return new ClusterNodes(postgres.newDatabase(), aws, dir, List.of("--max-rps", "ListIdentities=1000"),
                List.of());
    }

    /** One run's figures, and each worker's {busy share, CPU share}. */
    record Run(long records, double seconds, Map<String, double[]> busy) {

        static Run of(Path report, Map<String, double[]> busy) throws Exception {
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            return new Run(json.path("counts").path("records").asLong(), json.path("durationSeconds").asDouble(),
                    busy);
        }

        double recordsPerSecond() {
            return records / seconds;
        }
    }
}
