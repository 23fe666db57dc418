package dev.syncshift.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The synchronize benchmark (on demand: {@code -Dcompat.benchmark=true}, see the README): round trips and median /
 * p99 wall time of {@code synchronize} with 0, 10 and 100 local edits, on the cognito and appsync backends, with
 * every request to the emulators delayed by {@code compat.benchmark.latencyMs} (50 ms) through a {@link TcpProxy} so
 * that round trips dominate. Credentials are fetched before the measured rounds (they last an hour).
 */
@ExtendWith(EmulatorsExtension.class)
@EnabledIfSystemProperty(named = "compat.benchmark", matches = "true")
class SyncBenchmarkTest {

    static final int WARMUP = Integer.getInteger("compat.benchmark.warmup", 5);
    static final int ROUNDS = Integer.getInteger("compat.benchmark.rounds", 60);
    static final long LATENCY_MS = Long.getLong("compat.benchmark.latencyMs", 50);
    static final int[] EDITS = {0, 10, 100};

    record Result(Backend backend, int edits, double roundTrips, double medianMs, double p99Ms) {
    }

    @Test
    void synchronizeLatencyAndRoundTrips(Emulators emulators) throws IOException {
        List<Result> results = new ArrayList<>();
        try (TcpProxy cognito = TcpProxy.start(emulators.cognito().endpoint(), Duration.ofMillis(LATENCY_MS));
                TcpProxy appSync = TcpProxy.start(emulators.graphql(), Duration.ofMillis(LATENCY_MS))) {
            for (int edits : EDITS) {
                results.add(measure(Backend.COGNITO, edits, cognito, emulators.device(Backend.COGNITO)
                        .cognitoEndpoint(cognito.uri(emulators.cognito().endpoint()))));
                results.add(measure(Backend.APPSYNC, edits, appSync, emulators.device(Backend.APPSYNC)
                        .appSyncEndpoint(appSync.uri(emulators.graphql()))));
            }
        }
        String report = report(results);
        System.out.println(report);
        Files.writeString(Path.of("target/compat-benchmark.txt"), report);
    }

    private static Result measure(Backend backend, int edits, TcpProxy proxy, CognitoSyncManagerBuilder builder) {
        try (CognitoSyncManager device = builder.build()) {
            Dataset d = device.openOrCreateDataset("bench" + edits);
            device.getIdentityId();
            List<Long> nanos = new ArrayList<>();
            List<Long> trips = new ArrayList<>();
            for (int round = 0; round < WARMUP + ROUNDS; round++) {
                for (int k = 0; k < edits; k++) {
                    d.put("key-" + k, "value-" + round);
                }
                long requestsBefore = proxy.requests();
                long start = System.nanoTime();
                RecordingCallback.sync(d);
                if (round >= WARMUP) {
                    nanos.add(System.nanoTime() - start);
                    trips.add(proxy.requests() - requestsBefore);
                }
            }
            nanos.sort(null);
            double median = nanos.get(nanos.size() / 2) / 1e6;
            double p99 = nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6;
            return new Result(backend, edits, trips.stream().mapToLong(Long::longValue).average().orElse(0),
                    median, p99);
        }
    }

    private static String report(List<Result> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "synchronize, %d rounds after %d warm-up, %d ms added per request%n"
                        + "| backend | local edits | round trips | median ms | p99 ms |%n|---|---|---|---|---|%n",
                ROUNDS, WARMUP, LATENCY_MS));
        results.forEach(r -> out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n",
                r.backend().flagValue(), r.edits(), r.roundTrips(), r.medianMs(), r.p99Ms())));
        for (int edits : EDITS) {
            double cognito = find(results, Backend.COGNITO, edits).medianMs();
            double appSync = find(results, Backend.APPSYNC, edits).medianMs();
            out.append(String.format(Locale.ROOT, "appsync/cognito median at %d edits: %.2f%n", edits,
                    appSync / cognito));
        }
        return out.toString();
    }

    private static Result find(List<Result> results, Backend backend, int edits) {
        return results.stream().filter(r -> r.backend() == backend && r.edits() == edits).findFirst().orElseThrow();
    }
}
