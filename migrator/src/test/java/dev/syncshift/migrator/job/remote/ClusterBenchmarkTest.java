package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * each, the CPU each process used during the job (the migrator's, this JVM's with the emulators and DynamoDB Local,
 * PostgreSQL's), each worker's busy share and the medians of the rounds' ratios. Run with
 * {@code -Dsyncshift.benchmark=cluster} (sizes: {@code -Dsyncshift.benchmark.identities},
 * {@code .threads}, {@code .latency-ms}, {@code .rounds}).
 */
@EnabledIfSystemProperty(named = "syncshift.benchmark", matches = "cluster")
class ClusterBenchmarkTest {

    static final int IDENTITIES = Integer.getInteger("syncshift.benchmark.identities", 1800);
    static final int THREADS = Integer.getInteger("syncshift.benchmark.threads", 8);
    static final int LATENCY_MS = Integer.getInteger("syncshift.benchmark.latency-ms", 20);
    static final int ROUNDS = Integer.getInteger("syncshift.benchmark.rounds", 3);
    static final Pattern PARTITION = Pattern.compile(
            "(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*(Running partition|Partition) (copyPartition:partition\\d+)");

    /** The CPU figures' names for this JVM (the emulators, DynamoDB Local) and for PostgreSQL's processes. */
    static final String TEST_JVM = "emulators";
    static final String POSTGRES = "postgres";

    @TempDir
    Path work;

    @Test
    void oneProcessAgainstAManagerWithOneAndWithTwoWorkersAtEqualThreads() throws Exception {
        try (SharedPostgres postgres = SharedPostgres.start()) {
            System.out.printf(Locale.ROOT, "%nbenchmark: %d identities, emulator latency %d ms, %d threads in all, "
                    + "%d rounds (each a fresh emulator and table) after a warm-up run%n", IDENTITIES, LATENCY_MS,
                    THREADS, ROUNDS);
            System.out.printf(Locale.ROOT, "warm-up (this JVM's emulators compile their code): one process, %.1f "
                    + "records/s, not counted%n", single(postgres, 0).recordsPerSecond());
            List<Double> oneWorker = new ArrayList<>();
            List<Double> twoWorkers = new ArrayList<>();
            List<Double> managerShare = new ArrayList<>();
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
                managerShare.add(runs[1].cpu().get("manager") / runs[1].cpu().values().stream()
                        .mapToDouble(Double::doubleValue).sum());
            }
            System.out.printf(Locale.ROOT, "medians of the %d rounds, against one process: manager + 1 worker "
                    + "%.1f%%, manager + 2 workers %.1f%%; the manager's share of all the CPU the manager + 1 worker "
                    + "run used: %.1f%%%n", ROUNDS, 100 * median(oneWorker), 100 * median(twoWorkers),
                    100 * median(managerShare));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void print(int round, Run... runs) {
        System.out.printf(Locale.ROOT, "round %d%n", round);
        for (int workers = 0; workers <= 2; workers++) {
            Run run = runs[workers];
            System.out.printf(Locale.ROOT, "  %-20s %8.1f records/s (%d records in %.1f s), %.1f%% of one process; "
                    + "the migrator's processes used %.0f CPU ms per 1,000 records%n", workers == 0 ? "one process:"
                    : "manager + " + workers + (workers == 1 ? " worker:" : " workers:"), run.recordsPerSecond(),
                    run.records(), run.seconds(), 100 * run.recordsPerSecond() / runs[0].recordsPerSecond(),
                    run.cpuPerThousandRecords());
            run.cpu().forEach((node, cpu) -> System.out.printf(Locale.ROOT, "    %-9s CPU %3.0f%% of a core%s%n",
                    node + ":", 100 * cpu / run.seconds(), run.busy().containsKey(node) ? String.format(Locale.ROOT,
                    ", partition threads busy %.0f%% of the run", 100 * run.busy().get(node)) : ""));
        }
    }

    private Run single(SharedPostgres postgres, int round) throws Exception {
        try (LocalAws aws = pool(); ClusterNodes nodes = nodes(postgres, aws, "single" + round)) {
            Process process = nodes.start("single", "local", "--threads", Integer.toString(THREADS), "--report",
                    work.resolve("single" + round + ".json").toString());
            Map<String, Double> cpu = awaitEnd(nodes, "single", process, Map.of());
            assertThat(process.exitValue()).as(nodes.allLogs()).isZero();
            return Run.of(work.resolve("single" + round + ".json"), Map.of(), cpu);
        }
    }

    private Run cluster(SharedPostgres postgres, int round, int workers) throws Exception {
        String name = "cluster" + workers + "-" + round;
        try (LocalAws aws = pool(); ClusterNodes nodes = nodes(postgres, aws, name)) {
            String threads = Integer.toString(THREADS / workers);
            Map<String, Process> started = new TreeMap<>();
            for (int i = 1; i <= workers; i++) {
                started.put("worker" + i, nodes.start("worker" + i, "worker", "--threads", threads));
            }
            // The workers ready first, so that the run times coordination and not three JVMs starting at once on
            // the same cores (the single process's run, too, is timed from the job's start).
            for (Map.Entry<String, Process> worker : started.entrySet()) {
                nodes.awaitReady(worker.getKey(), worker.getValue());
            }
            Process manager = nodes.start("manager", "manager", "--threads", Integer.toString(THREADS), "--report",
                    work.resolve(name + ".json").toString());
            Map<String, Double> cpu = awaitEnd(nodes, "manager", manager, started);
            assertThat(manager.exitValue()).as(nodes.allLogs()).isZero();
            Run run = Run.of(work.resolve(name + ".json"), Map.of(), cpu);
            Map<String, Double> busy = new TreeMap<>();
            for (String worker : started.keySet()) {
                busy.put(worker, busyShare(nodes.logOf(worker), run.seconds(), THREADS / workers));
            }
            return new Run(run.records(), run.seconds(), busy, cpu);
        }
    }

    /**
     * Waits for {@code main} to end, reading every 250 ms the CPU time it and {@code others} have used; answers each
     * one's CPU seconds from {@code main}'s job start (its log's "Starting run") to the last reading, so that JVM
     * and Spring start-up count in none of them.
     */
    private static Map<String, Double> awaitEnd(ClusterNodes nodes, String mainName, Process main,
            Map<String, Process> others) throws Exception {
        Map<String, Process> all = new TreeMap<>(others);
        all.put(mainName, main);
        Map<String, Double> last = new TreeMap<>();
        Map<String, Double> atStart = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (!main.waitFor(250, TimeUnit.MILLISECONDS)) {
            assertThat(System.nanoTime()).as("the run ended within 30 minutes").isLessThan(deadline);
            all.forEach((name, process) -> last.put(name, cpuSeconds(process.toHandle())));
            last.put(TEST_JVM, cpuSeconds(ProcessHandle.current()));
            last.put(POSTGRES, ProcessHandle.allProcesses().filter(process -> process.info().command()
                    .filter(command -> command.endsWith("/postgres")).isPresent())
                    .mapToDouble(ClusterBenchmarkTest::cpuSeconds).sum());
            if (atStart == null && nodes.logOf(mainName).contains("Starting run")) {
                atStart = new TreeMap<>(last);
            }
        }
        Map<String, Double> start = atStart == null ? Map.of() : atStart;
        Map<String, Double> used = new TreeMap<>();
        last.forEach((name, cpu) -> used.put(name, cpu - start.getOrDefault(name, 0.0)));
        return used;
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(cpu -> cpu.toMillis() / 1e3).orElse(0.0);
    }

    /** The partition threads' busy share of the run, from the worker's log. */
    private static double busyShare(String log, double runSeconds, int threads) {
        Map<String, LocalTime> started = new HashMap<>();
        double busySeconds = 0;
        Matcher line = PARTITION.matcher(log);
        while (line.find()) {
            LocalTime at = LocalTime.parse(line.group(1));
            if (line.group(2).startsWith("Running")) {
                started.put(line.group(3), at);
            } else if (started.containsKey(line.group(3))) {
                Duration busy = Duration.between(started.remove(line.group(3)), at);
                busySeconds += (busy.isNegative() ? busy.plusDays(1) : busy).toMillis() / 1e3;
            }
        }
        return busySeconds / threads / runSeconds;
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

    /** One run's figures: each worker's busy share, and each process's CPU seconds during the job. */
    record Run(long records, double seconds, Map<String, Double> busy, Map<String, Double> cpu) {

        static Run of(Path report, Map<String, Double> busy, Map<String, Double> cpu) throws Exception {
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            return new Run(json.path("counts").path("records").asLong(), json.path("durationSeconds").asDouble(),
                    busy, cpu);
        }

        double recordsPerSecond() {
            return records / seconds;
        }

        /** CPU milliseconds the migrator's processes used per 1,000 records. */
        double cpuPerThousandRecords() {
            return cpu.entrySet().stream().filter(e -> !e.getKey().equals(TEST_JVM) && !e.getKey().equals(POSTGRES))
                    .mapToDouble(Map.Entry::getValue).sum() * 1e6 / records;
        }
    }
}
