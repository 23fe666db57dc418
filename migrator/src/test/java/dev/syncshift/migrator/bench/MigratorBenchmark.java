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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrator's throughput against a raw baseline and the source's own capacity, on one generated pool
 * (BENCHMARK.md). On demand: {@code -Dbench=true}; sizes with {@code -Dbench.identities}, {@code -Dbench.threads},
 * {@code -Dbench.rounds}. Prints its figures; asserts nothing (machines are shared and noisy).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class MigratorBenchmark {

    static final int IDENTITIES = Integer.getInteger("bench.identities", 10_000);
    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    @TempDir
    Path work;

    @Test
    void migratorAgainstARawLoopAndTheSourcesCapacity() throws Exception {
        try (LocalAws aws = LocalAws.start(shaped(IDENTITIES))) {
            sourceCapacity(aws);
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
            print("source capacity (the Cognito emulator, reads only, same calls): %,.0f identities/s", capacity);
            print("target capacity (DynamoDB Local, the same transactions only): %,.0f identities/s", target);
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
    void heapAndTimeToTheFirstRecordAtAHundredThousandIdentities() throws Exception {
        int identities = Integer.getInteger("bench.scale.identities", 100_000);
        try (LocalAws aws = LocalAws.start(c -> c.generate(identities).identityPoolId(LocalAws.POOL.value())
                .seed(19).generateShape(SyntheticPool.Shape.parse("1x1")))) {
            Path gcLog = work.resolve("gc.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                    "dev.syncshift.migrator.cli.MigratorCli"));
            command.addAll(List.of(args(aws, LocalAws.TABLE, work.resolve("scale.json"), "--max-rps",
                    "ListIdentities=50")));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("scale.log").toFile());
            builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDDEVELOPER");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "developer-secret");
            long start = System.nanoTime();
            Process child = builder.start();
            while (child.isAlive() && aws.dynamoDbClient().scan(r -> r.tableName(LocalAws.TABLE).limit(1))
                    .count() == 0) {
                child.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            double firstRecord = (System.nanoTime() - start) / 1e9;
            int exit = child.waitFor(60, java.util.concurrent.TimeUnit.MINUTES) ? child.exitValue() : -1;
            JsonNode report = new ObjectMapper().readTree(work.resolve("scale.json").toFile());
            print("%,d identities (1 dataset x 1 record each), -Xmx512m: exit %d, first record copied %.1f s after "
                    + "the process started, whole run %.0f s, peak heap before a GC %d MB", identities, exit,
                    firstRecord, report.path("durationSeconds").asDouble(), peakHeapMegabytes(gcLog));
        }
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
                source.listRecords(identity, d.name(), SyncCount.ZERO)), source);
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
                    Record record = new Record(new RecordKey(String.format("key-%04d", r)), "v".repeat(16),
                            new SyncCount(1), Instant.now(), identity.value(), null);
                    records.put(record.key(), record);
                }
                SourceRecords read = new SourceRecords(SyncCount.ZERO, records, new SyncCount(1), true, false,
                        List.of());
                planner.plan(identity, new DatasetSource(name, null, read, SyncCount.ZERO, false), null, Map.of())
                        .transactions().forEach(t -> store.write(t.actions()));
            }
        }, aws.source());
    }

    private double rawLoop(LocalAws aws, String table) throws Exception {
        StoreTableShape.create(aws.dynamoDbClient(), table);
        SyncStoreTable store = new SyncStoreTable(aws.dynamoDbClient(), table);
        DatasetImporter importer = new DatasetImporter(aws.source(), store, ConflictPolicy.LATER_WINS,
                Clock.systemUTC(), DatasetImporter.Writes.WRITE);
        IdentityMigrator migrator = new IdentityMigrator(aws.source(), store, importer, true);
        return timed(migrator::migrate, aws.source());
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

    /** Identities per second of {@code each} over the pool, listed as the migrator lists it, THREADS at once. */
    private static double timed(Consumer<IdentityId> each, CognitoSource source) throws Exception {
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
        do {
            IdentityPage page = source.listIdentities(token);
            for (IdentityId id : page.identities()) {
                queue.put(id);
            }
            token = page.nextToken();
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
