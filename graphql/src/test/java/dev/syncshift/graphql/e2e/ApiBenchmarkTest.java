package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue #3 §6: latency (median, p99) and sequential throughput of listRecords, updateRecords and syncDataset through
 * the AppSync emulator running the real template, against the same DynamoDB calls on the same DynamoDB Local, with
 * the same item shapes (both datasets are written by the resolvers), in the same run. Not a timed test: run it on
 * demand with {@code -Dbench=true} (graphql/BENCHMARK.md); it writes {@code target/benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ApiBenchmarkTest {

    /**
     * Warm-up calls of each side before it is measured. The resolvers' JavaScript is interpreted by GraalJS, whose
     * interpreter is Java that HotSpot keeps compiling for thousands of calls: the emulator's medians still fall
     * between 1,000 and 10,000 calls (the warm-up's medians are printed, per {@link #BATCH} calls).
     */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10_000);
    private static final int BATCH = 1000;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 1000);
    private static final int RECORDS = Integer.getInteger("bench.records", 50);
    /** Records each updateRecords and syncDataset pushes (the compat client's benchmark pushes 10 edits). */
    private static final int PUSHED = Integer.getInteger("bench.pushed", 1);
    private static final String DATASET = "bench";
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void measure() throws IOException {
        assertThat(PUSHED).as("bench.pushed (records per push) between 1 and bench.records").isBetween(1, RECORDS);
        long started = System.nanoTime();
        try (AppSyncEmulator emulator = AppSyncEmulator.start(SyncshiftApi.CONFIG)) {
            long startup = (System.nanoTime() - started) / 1_000_000;
            SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
            Caller viaApi = seeded(api);
            Caller viaDirect = seeded(api);
            DirectCalls direct = new DirectCalls(new LayoutTable(emulator.dynamoDb()), emulator.dynamoDb(),
                    new IdentityId(viaDirect.identityId()), new DatasetName(DATASET), stored(emulator, viaDirect),
                    PUSHED);
            ApiCalls calls = new ApiCalls(api, viaApi, RECORDS, PUSHED);
            List<String> warmups = new ArrayList<>();
            List<Latencies[]> pairs = List.of(
                    pair(warmups, "listRecords (from 0, " + RECORDS + " records)", i -> calls.list(),
                            i -> direct.list()),
                    pair(warmups, "updateRecords (" + PUSHED + " record" + (PUSHED == 1 ? ")" : "s)"), calls::update,
                            direct::update),
                    pair(warmups, "syncDataset (push " + PUSHED + ", pull the delta)", calls::sync,
                            direct::sync));
            write(startup, pairs, warmups);
        }
    }

    private static Caller seeded(SyncOperations api) {
        Caller caller = SyncshiftApi.freshUser();
        Answer seeded = api.updateRecords(caller, DATASET, IntStream.range(0, RECORDS)
                .mapToObj(i -> Patch.put("r" + i, "value of record " + i, 0)).toList());
        assertThat(seeded.ok()).as(seeded.body().toString()).isTrue();
        return caller;
    }

    private static StoredDataset stored(AppSyncEmulator emulator, Caller caller) {
        IdentityId identity = new IdentityId(caller.identityId());
        return DatasetItems.fromItem(identity, new LayoutTable(emulator.dynamoDb()).query(
                SyncStoreLayout.identityPartition(identity),
                SyncStoreLayout.datasetSortKey(new DatasetName(DATASET))).get(0));
    }

    private static Latencies[] pair(List<String> warmups, String name, IntConsumer viaApi, IntConsumer direct) {
        warmups.add(warmUp(name + ", emulator", viaApi));
        warmups.add(warmUp(name + ", direct", direct));
        return new Latencies[] {run(name + ", emulator", ROUNDS, viaApi), run(name + ", direct", ROUNDS, direct)};
    }

    /** Runs the warm-up in batches; returns the batches' medians, which show whether the side was still warming. */
    private static String warmUp(String name, IntConsumer call) {
        StringBuilder medians = new StringBuilder(name).append(':');
        for (int done = 0; done < WARMUP; done += BATCH) {
            int offset = done;
            Latencies batch = run(name, Math.min(BATCH, WARMUP - done), i -> call.accept(offset + i));
            medians.append(String.format(" %.2f", batch.medianMillis()));
        }
        return medians.toString();
    }

    private static Latencies run(String name, int rounds, IntConsumer call) {
        long[] nanos = new long[rounds];
        long cpu = PROCESS.getProcessCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        long wallNanos = System.nanoTime() - wall;
        return new Latencies(name, nanos, wallNanos, PROCESS.getProcessCpuTime() - cpu);
    }

    private static void write(long startupMillis, List<Latencies[]> pairs, List<String> warmups) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("rounds %d (after %d warm-up), %d records, startup %d ms, %d processors", ROUNDS,
                WARMUP, RECORDS, startupMillis, Runtime.getRuntime().availableProcessors()));
        lines.add("| call | median ms | p99 ms | calls/s | JVM CPU ms/call |");
        lines.add("|---|---|---|---|---|");
        for (Latencies[] pair : pairs) {
            lines.add(pair[0].line());
            lines.add(pair[1].line());
        }
        lines.add("");
        for (Latencies[] pair : pairs) {
            lines.add(String.format("%s: emulator/direct median ratio %.1f, CPU per call ratio %.1f", pair[0].name(),
                    pair[0].medianMillis() / pair[1].medianMillis(),
                    pair[0].cpuMillisPerCall() / pair[1].cpuMillisPerCall()));
        }
        lines.add("");
        lines.add("warm-up medians (ms) per " + BATCH + " calls:");
        lines.addAll(warmups);
        Path out = SyncshiftApi.MODULE.resolve("target/benchmark.txt");
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }
}
