package dev.syncshift.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The synchronize benchmark (on demand: {@code -Dcompat.benchmark=true}, see BENCHMARK.md): round trips and median /
 * p99 wall time of {@code synchronize} with 0, 10 and 100 local edits, on the cognito and appsync backends, with
 * every request to the emulators delayed through a {@link TcpProxy} so that round trips dominate: by each of the
 * latencies in {@code compat.benchmark.latencyMs} (a comma-separated list of milliseconds, 50 by default), in turn.
 * Credentials are fetched before the measured rounds (they last an hour). First, the warm-up: 10,000 rounds by
 * default of a 10-edit synchronize on each backend, with no added latency, whose medians per 1,000 are reported. It
 * lets the emulators' JVM compile their hot paths, so the figures are those of emulators that have been running: the
 * AppSync emulator's resolvers run in GraalJS's interpreter, which HotSpot keeps compiling for thousands of calls.
 * Then, before each measured series, 100 more rounds with its number of edits (the settling rounds). The two
 * backends' rounds are taken in turns, so that a neighbour's load weighs on both.
 */
@ExtendWith(EmulatorsExtension.class)
@EnabledIfSystemProperty(named = "compat.benchmark", matches = "true")
class SyncBenchmarkTest {

    static final int WARMUP = Integer.getInteger("compat.benchmark.warmup", 10_000);
    static final int SETTLE = Integer.getInteger("compat.benchmark.settle", 100);
    static final int WARMUP_EDITS = 10;
    static final int BATCH = 1000;
    static final int ROUNDS = Integer.getInteger("compat.benchmark.rounds", 100);
    static final List<Long> LATENCIES_MS = Arrays.stream(System.getProperty("compat.benchmark.latencyMs", "50")
            .split(",")).map(String::trim).map(Long::valueOf).toList();
    static final int[] EDITS = {0, 10, 100};

    record Result(long latencyMs, Backend backend, int edits, double roundTrips, double medianMs, double p99Ms) {
    }

    @Test
    void synchronizeLatencyAndRoundTrips(Emulators emulators) throws IOException {
        List<Result> results = new ArrayList<>();
        String report;
        try (TcpProxy cognito = TcpProxy.start(emulators.cognito().endpoint(), Duration.ZERO);
                TcpProxy appSync = TcpProxy.start(emulators.graphql(), Duration.ZERO)) {
            Side[] sides = {
                new Side(Backend.COGNITO, cognito, emulators.device(Backend.COGNITO)
                        .cognitoEndpoint(cognito.uri(emulators.cognito().endpoint()))),
                new Side(Backend.APPSYNC, appSync, emulators.device(Backend.APPSYNC)
                        .appSyncEndpoint(appSync.uri(emulators.graphql())))};
            List<String> warmUp = warmUp(sides);
            for (long latencyMs : LATENCIES_MS) {
                for (int edits : EDITS) {
                    results.addAll(measure(latencyMs, edits, SETTLE, ROUNDS, sides));
                }
            }
            report = report(results, warmUp);
        }
        System.out.println(report);
        Files.writeString(Path.of("target/compat-benchmark.txt"), report);
    }

    /** A backend measured: its device's builder and the proxy its requests go through. */
    record Side(Backend backend, TcpProxy proxy, CognitoSyncManagerBuilder builder) {
    }

    /** The warm-up, in batches; returns each backend's batch medians, which show whether it was still warming. */
    private static List<String> warmUp(Side... sides) {
        List<StringBuilder> medians = Arrays.stream(sides)
                .map(side -> new StringBuilder(side.backend().flagValue()).append(':')).toList();
        for (int done = 0; done < WARMUP; done += BATCH) {
            List<Result> batch = measure(0, WARMUP_EDITS, 0, Math.min(BATCH, WARMUP - done), sides);
            for (int i = 0; i < sides.length; i++) {
                medians.get(i).append(String.format(Locale.ROOT, " %.1f", batch.get(i).medianMs()));
            }
        }
        return medians.stream().map(StringBuilder::toString).toList();
    }

    /**
     * Both sides' synchronize with {@code edits} local edits, in turns (one round of one, then one of the other), so
     * that whatever else the machine does weighs on both alike and their ratio stays fair on a shared machine:
     * {@code settle} rounds with no added latency, then {@code rounds} measured ones.
     */
    private static List<Result> measure(long latencyMs, int edits, int settle, int rounds, Side... sides) {
        List<CognitoSyncManager> devices = new ArrayList<>();
        try {
            List<Dataset> datasets = new ArrayList<>();
            List<List<Long>> nanos = new ArrayList<>();
            List<List<Long>> trips = new ArrayList<>();
            for (Side side : sides) {
                CognitoSyncManager device = side.builder().build();
                devices.add(device);
                datasets.add(device.openOrCreateDataset("bench" + edits));
                device.getIdentityId();
                nanos.add(new ArrayList<>());
                trips.add(new ArrayList<>());
            }
            for (int round = 0; round < settle + rounds; round++) {
                // The settling rounds let the JVM compile this series' paths; latency would only slow them.
                Duration latency = Duration.ofMillis(round < settle ? 0 : latencyMs);
                for (int i = 0; i < sides.length; i++) {
                    sides[i].proxy().latency(latency);
                    for (int k = 0; k < edits; k++) {
                        datasets.get(i).put("key-" + k, "value-" + round);
                    }
                    long requestsBefore = sides[i].proxy().requests();
                    long start = System.nanoTime();
                    RecordingCallback.sync(datasets.get(i));
                    if (round >= settle) {
                        nanos.get(i).add(System.nanoTime() - start);
                        trips.get(i).add(sides[i].proxy().requests() - requestsBefore);
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < sides.length; i++) {
                results.add(result(latencyMs, sides[i].backend(), edits, nanos.get(i), trips.get(i)));
            }
            return results;
        } finally {
            devices.forEach(CognitoSyncManager::close);
        }
    }

    private static Result result(long latencyMs, Backend backend, int edits, List<Long> nanos, List<Long> trips) {
        nanos.sort(null);
        double median = nanos.get(nanos.size() / 2) / 1e6;
        double p99 = nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6;
        return new Result(latencyMs, backend, edits, trips.stream().mapToLong(Long::longValue).average().orElse(0),
                median, p99);
    }

    private static String report(List<Result> results, List<String> warmUp) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "synchronize, %d rounds after %d warm-up rounds of %d edits and %d settling rounds%n"
                        + "| added per request | backend | local edits | round trips | median ms | p99 ms |%n"
                        + "|---|---|---|---|---|---|%n", ROUNDS, WARMUP, WARMUP_EDITS, SETTLE));
        results.forEach(r -> out.append(String.format(Locale.ROOT, "| %d ms | %s | %d | %.1f | %.1f | %.1f |%n",
                r.latencyMs(), r.backend().flagValue(), r.edits(), r.roundTrips(), r.medianMs(), r.p99Ms())));
        for (long latencyMs : LATENCIES_MS) {
            for (int edits : EDITS) {
                double cognito = find(results, latencyMs, Backend.COGNITO, edits).medianMs();
                double appSync = find(results, latencyMs, Backend.APPSYNC, edits).medianMs();
                out.append(String.format(Locale.ROOT, "appsync/cognito median at %d ms, %d edits: %.2f%n", latencyMs,
                        edits, appSync / cognito));
            }
        }
        out.append(String.format(Locale.ROOT, "%nwarm-up medians (ms) per %d rounds, no added latency:%n", BATCH));
        warmUp.forEach(line -> out.append(line).append(System.lineSeparator()));
        return out.toString();
    }

    private static Result find(List<Result> results, long latencyMs, Backend backend, int edits) {
        return results.stream().filter(r -> r.latencyMs() == latencyMs && r.backend() == backend
                && r.edits() == edits).findFirst().orElseThrow();
    }
}
