package dev.syncshift.migrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import dev.syncshift.emulator.cognitosync.fixture.SyntheticPool;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.cli.Cli;
import dev.syncshift.migrator.source.CognitoSource;
import dev.syncshift.migrator.source.IdentityPage;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.migrator.source.SourceRecords;
import dev.syncshift.migrator.target.ConflictPolicy;
import dev.syncshift.migrator.target.DatasetSource;
import dev.syncshift.migrator.target.ImportPlanner;
import dev.syncshift.migrator.target.StoredRecords;
import dev.syncshift.migrator.target.DatasetImporter;
import dev.syncshift.migrator.target.IdentityMigrator;
import dev.syncshift.migrator.target.StoreTableShape;
import dev.syncshift.migrator.target.SyncStoreTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrator's throughput against a raw baseline and the source's own capacity, on one generated pool
 * (BENCHMARK.md). On demand: {@code -Dbench=true}; sizes with {@code -Dbench.identities}, {@code -Dbench.threads},
 * {@code -Dbench.rounds}, {@code -Dbench.sample} (identities the capacity figures sample). Prints its figures;
 * asserts nothing (machines are shared and noisy).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class MigratorBenchmark {

    static final int IDENTITIES = Integer.getInteger("bench.identities", 10_000);
    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
    /** How many identities the capacity measurements (source reads only, target writes only) take. */
    static final int SAMPLE = Integer.getInteger("bench.sample", 2_000);

    @TempDir
    Path work;

    @Test
    void migratorAgainstARawLoopAndTheSourcesCapacity() throws Exception {
        try (LocalAws aws = LocalAws.start(shaped(IDENTITIES))) {
            sourceCapacity(aws); // warm-up
            double capacity = sourceCapacity(aws);
            double target = targetCapacity(aws);
            List<Double> baseline = new ArrayList<>();
            List<Double> migrator = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                baseline.add(rawLoop(aws, "raw" + round));
                migrator.add(migrator(aws, "run" + round));
            }
            double base = median(baseline);
            double ours = median(migrator);
            print("pool: %,d identities x 3 datasets x 20 records, %d threads, %d rounds", IDENTITIES, THREADS,
                    ROUNDS);
            print("source capacity (the Cognito emulator, reads only, same calls, %,d identities): %,.1f "
                    + "identities/s", Math.min(SAMPLE, IDENTITIES), capacity);
            print("target capacity (DynamoDB Local, the same transactions only, %,d identities): %,.1f identities/s",
                    Math.min(SAMPLE, IDENTITIES), target);
            print("raw loop (same reads and conditional writes, no framework): %s identities/s, median %,.1f",
                    baseline, base);
            print("migrator (Spring Batch job, manifest, restartable): %s identities/s, median %,.1f", migrator,
                    ours);
            print("migrator / raw loop = %.2f", ours / base);
        }
    }

    /**
     * With ListRecords throttled below what the migrator reaches unthrottled (by default half of it, measured here
     * first), the migrator keeps the source at its limit.
     */
    @Test
    void sustainsAThrottledSourceRate() throws IOException {
        int identities = Integer.getInteger("bench.throttled.identities", 2_000);
        double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));
        if (rate == 0) {
            try (LocalAws free = LocalAws.start(shaped(identities / 4))) {
                Path report = work.resolve("free.json");
                Cli.run(args(free, LocalAws.TABLE, report));
                JsonNode json = new ObjectMapper().readTree(report.toFile());
                rate = Math.floor(json.path("calls").path("ListRecords").path("calls").asLong()
                        / json.path("durationSeconds").asDouble() / 2);
            }
        }
        double limit = rate;
        try (LocalAws aws = LocalAws.start(shaped(identities).andThen(c -> c.throttleRps("ListRecords", limit)))) {
            Path report = work.resolve("throttled.json");
            Cli.Result result = Cli.run(args(aws, LocalAws.TABLE, report, "--max-rps", "ListRecords=" + rate));
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            JsonNode listRecords = json.path("calls").path("ListRecords");
            double seconds = json.path("durationSeconds").asDouble();
            print("throttled source: ListRecords limited to %.0f/s by the emulator and --max-rps", rate);
            print("  %d ListRecords calls in %.1f s = %.1f/s (%.2f of the limit), %d throttled, %d failed after "
                    + "retries, exit %d", listRecords.path("calls").asLong(), seconds,
                    listRecords.path("calls").asLong() / seconds, listRecords.path("calls").asLong() / seconds / rate,
                    listRecords.path("throttled").asLong(), listRecords.path("failedAfterRetries").asLong(),
                    result.exitCode());
        }
    }

    @Test
    void heapAtAHundredThousandIdentities() throws Exception {
        int identities = Integer.getInteger("bench.scale.identities", 100_000);
        try (LocalAws aws = LocalAws.start(c -> c.generate(identities).identityPoolId(LocalAws.POOL.value())
                .seed(19).generateShape(SyntheticPool.Shape.parse("1x1")))) {
            Path gcLog = work.resolve("gc.log");
            Process child = startChild(List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog), aws, LocalAws.TABLE,
                    work.resolve("scale.log"));
            double firstRecord = secondsToTheFirstRecord(aws, LocalAws.TABLE, child, System.nanoTime());
            int exit = child.waitFor(60, TimeUnit.MINUTES) ? child.exitValue() : -1;
            JsonNode report = new ObjectMapper().readTree(work.resolve(LocalAws.TABLE + ".json").toFile());
            print("%,d identities (1 dataset x 1 record each), -Xmx512m: exit %d, first record copied %.1f s after "
                    + "the process started, whole run %.0f s, peak heap before a GC %d MB", identities, exit,
                    firstRecord, report.path("durationSeconds").asDouble(), peakHeapMegabytes(gcLog));
        }
    }

    /**
     * Seconds from starting a migrator process to the first record in the table, on a small pool and a large one
     * ({@code -Dbench.first.sizes}, {@code -Dbench.first.rounds} starts each, the median printed): the enumeration and
     * the copy overlap, so the pool's size must not show. The process runs from the test's class path;
     * {@code -Dbench.jar=migrator/target/syncshift-migrator.jar} times a jar as well (a comma-separated list times
     * each in turn, to compare two builds), started with the JVM options of {@code -Dbench.jar.options}
     * (space-separated, e.g. {@code -XX:SharedArchiveFile=app.jsa}).
     */
    @Test
    void timeToTheFirstRecordWhateverThePoolSize() throws Exception {
        int rounds = Integer.getInteger("bench.first.rounds", 5);
        List<String> jars = Arrays.stream(System.getProperty("bench.jar", "").split(",")).map(String::trim)
                .filter(jar -> !jar.isEmpty()).toList();
        List<String> options = Arrays.stream(System.getProperty("bench.jar.options", "").trim().split("\\s+"))
                .filter(option -> !option.isEmpty()).toList();
        for (String size : System.getProperty("bench.first.sizes", "1000,100000").split(",")) {
            int identities = Integer.parseInt(size.trim());
            try (LocalAws aws = LocalAws.start(c -> c.generate(identities).identityPoolId(LocalAws.POOL.value())
                    .seed(23).generateShape(SyntheticPool.Shape.parse("1x3")))) {
                List<Double> classPath = new ArrayList<>();
                Map<String, List<Double>> packaged = new LinkedHashMap<>();
                jars.forEach(jar -> packaged.put(jar, new ArrayList<>()));
                for (int round = 0; round < rounds; round++) {
                    classPath.add(firstRecordOnce(aws, "first-cp-" + round, List.of()));
                    int index = 0;
                    for (String jar : jars) {
                        List<String> launch = new ArrayList<>(options);
                        launch.addAll(List.of("-jar", jar));
                        packaged.get(jar).add(firstRecordOnce(aws, "first-jar" + index++ + "-" + round, launch));
                    }
                }
                print("%,d identities: first record %s s after the process started (class path), median %.1f s",
                        identities, rounded(classPath), median(classPath));
                packaged.forEach((jar, seconds) -> print("%,d identities: first record %s s (java %s -jar %s), "
                        + "median %.1f s", identities, rounded(seconds), String.join(" ", options), jar,
                        median(seconds)));
            }
        }
    }

    private double firstRecordOnce(LocalAws aws, String table, List<String> launch) throws Exception {
        StoreTableShape.create(aws.dynamoDbClient(), table);
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        jvm.addAll(launch);
        long start = System.nanoTime();
        Process child = startChild(jvm, aws, table, work.resolve(table + ".log"));
        double seconds = secondsToTheFirstRecord(aws, table, child, start);
        child.destroyForcibly().waitFor();
        return seconds;
    }

    /** A migrator process ({@code jvm} options; the test's class path unless they give {@code -jar}). */
    private Process startChild(List<String> jvm, LocalAws aws, String table, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvm);
        if (!jvm.contains("-jar")) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "dev.syncshift.migrator.cli.MigratorCli"));
        }
        command.addAll(List.of(args(aws, table, work.resolve(table + ".json"), "--max-rps", "ListIdentities=50")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDDEVELOPER");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "developer-secret");
        return builder.start();
    }

    private static double secondsToTheFirstRecord(LocalAws aws, String table, Process child, long start)
            throws InterruptedException {
        while (child.isAlive() && aws.dynamoDbClient().scan(r -> r.tableName(table).limit(1)).count() == 0) {
            child.waitFor(50, TimeUnit.MILLISECONDS);
        }
        if (!child.isAlive() && child.exitValue() != 0) {
            throw new IllegalStateException("the migrator ended with " + child.exitValue() + " before copying");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<String> rounded(List<Double> seconds) {
        return seconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList();
    }

    /** The largest "used before" of the GC log's pauses ("123M->45M(512M)"). */
    private static long peakHeapMegabytes(Path gcLog) throws IOException {
        java.util.regex.Pattern pause = java.util.regex.Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");
        return Files.readAllLines(gcLog).stream().map(pause::matcher).filter(java.util.regex.Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0);
    }

    private double sourceCapacity(LocalAws aws) throws Exception {
        CognitoSource source = aws.source();
        return timed(identity -> source.listDatasets(identity).forEach(d ->
                source.listRecords(identity, d.name(), SyncCount.ZERO)), source, SAMPLE);
    }

    /** Identities per second DynamoDB Local takes when given only the writes of 3 datasets x 20 records. */
    private double targetCapacity(LocalAws aws) throws Exception {
        StoreTableShape.create(aws.dynamoDbClient(), "capacity");
        SyncStoreTable store = new SyncStoreTable(aws.dynamoDbClient(), "capacity");
        ImportPlanner planner = new ImportPlanner(ConflictPolicy.LATER_WINS, Instant.now());
        return timed(identity -> {
            for (int d = 0; d < 3; d++) {
                DatasetName name = new DatasetName("dataset-" + d);
                Map<RecordKey, Record> records = new HashMap<>();
                for (int r = 0; r < 20; r++) {
                    RecordKey key = new RecordKey(String.format(Locale.ROOT, "key-%04d", r));
                    Record record = new Record(key, "v".repeat(16), new SyncCount(1), Instant.now(),
                            identity.value(), null);
                    records.put(record.key(), record);
                }
                SourceRecords read = new SourceRecords(SyncCount.ZERO, records, new SyncCount(1), new SyncCount(1),
                        true, false, List.of());
                planner.plan(identity, new DatasetSource(name, null, read, SyncCount.ZERO, false), null,
                        StoredRecords.of(Map.of()))
                        .transactions().forEach(t -> store.write(t.actions()));
            }
        }, aws.source(), SAMPLE);
    }

    private double rawLoop(LocalAws aws, String table) throws Exception {
        StoreTableShape.create(aws.dynamoDbClient(), table);
        SyncStoreTable store = new SyncStoreTable(aws.dynamoDbClient(), table);
        DatasetImporter importer = new DatasetImporter(aws.source(), store, ConflictPolicy.LATER_WINS,
                Clock.systemUTC(), DatasetImporter.Writes.WRITE);
        IdentityMigrator migrator = new IdentityMigrator(aws.source(), store, importer, true);
        return timed(migrator::migrate, aws.source(), Integer.MAX_VALUE);
    }

    private double migrator(LocalAws aws, String table) throws IOException {
        Path report = work.resolve(table + ".json");
        Cli.Result result = Cli.run(args(aws, table, report, "--create-table"));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.err());
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        return json.path("counts").path("identities").asLong() / json.path("durationSeconds").asDouble();
    }

    /**
     * Identities per second of {@code each} over the pool's first {@code limit} identities, listed as the migrator
     * lists them, THREADS at once.
     */
    private static double timed(Consumer<IdentityId> each, CognitoSource source, int limit) throws Exception {
        BlockingQueue<IdentityId> queue = new ArrayBlockingQueue<>(1_000);
        IdentityId end = new IdentityId("us-east-1:0");
        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            running.add(workers.submit(() -> {
                for (IdentityId id = queue.take(); !id.equals(end); id = queue.take()) {
                    each.accept(id);
                    done.incrementAndGet();
                }
                queue.put(end);
                return null;
            }));
        }
        String token = null;
        int listed = 0;
        do {
            IdentityPage page = source.listIdentities(token);
            for (IdentityId id : page.identities()) {
                if (listed++ < limit) {
                    queue.put(id);
                }
            }
            token = listed < limit ? page.nextToken() : null;
        } while (token != null);
        queue.put(end);
        for (Future<?> worker : running) {
            worker.get();
        }
        workers.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private String[] args(LocalAws aws, String table, Path report, String... more) {
        List<String> args = new ArrayList<>(List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(),
                "--table", table, "--cognito-endpoint", aws.cognito().endpoint().toString(), "--dynamodb-endpoint",
                aws.dynamoDb().endpoint().toString(), "--region", "us-east-1", "--work-dir",
                work.resolve(table).toString(), "--report", report.toString(), "--threads",
                Integer.toString(THREADS), "--progress", "off"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static Consumer<CognitoSyncEmulatorConfig.Builder> shaped(int identities) {
        return config -> config.generate(identities).identityPoolId(LocalAws.POOL.value()).seed(17)
                .generateShape(SyntheticPool.Shape.parse("3x20"));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[bench] " + line);
        try {
            Files.writeString(Path.of("target", "migrator-benchmark.txt"), line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
