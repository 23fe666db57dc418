package dev.syncshift.emulator.cognitosync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;

/**
 * Requests per second of ListRecords and UpdateRecords from concurrent real SDK clients (BENCHMARK.md). Not part of
 * {@code mvn test} (the name does not end in Test); run it with
 * {@code ./mvnw -B -q -pl emulator/cognito-sync -am test -Dtest=CognitoSyncBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Tuning: {@code -Dbench.threads} (4), {@code -Dbench.warmups} (5),
 * {@code -Dbench.rounds} (5), {@code -Dbench.seconds} (3), {@code -Dbench.records} (10 per dataset).
 *
 * <p>Each thread has its own client and its own identity and dataset. The same loops also run against
 * {@link CannedServer}, which answers with fixed bodies, so the figures come with a baseline from the same run.
 */
class CognitoSyncBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATASET = "bench";

    private final int threads = Integer.getInteger("bench.threads", 4);
    private final int records = Integer.getInteger("bench.records", 10);
    private final Throughput throughput = new Throughput(threads, Integer.getInteger("bench.warmups", 5),
            Integer.getInteger("bench.rounds", 5), Integer.getInteger("bench.seconds", 3) * 1000L);

    @Test
    void listRecordsAndUpdateRecordsPerSecond() throws Exception {
        System.setProperty("http.maxConnections", String.valueOf(threads * 2));
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "threads=%d warmups=%d rounds=%d seconds=%d records/dataset=%d "
                + "cores=%d load average at start=%.1f", threads, throughput.warmups(), throughput.rounds(),
                throughput.roundMillis() / 1000, records,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder().build())) {
            Fleet fleet = Fleet.create(emulator.endpoint(), threads, records);
            ListRecordsResponse sample = fleet.list(fleet.clients().get(0), 0);
            try (CannedServer canned = new CannedServer(listBody(sample), updateBody(sample.records().get(0)))) {
                Fleet baseline = fleet.pointedAt(canned.endpoint());
                report(report, "ListRecords", throughput.compare(lists(fleet), lists(baseline)));
                report(report, "UpdateRecords", throughput.compare(updates(fleet), updates(baseline)));
            }
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "benchmark.txt"), report);
    }

    private static IntFunction<Throughput.Call> lists(Fleet fleet) {
        return worker -> () -> fleet.list(fleet.clients().get(worker), worker);
    }

    private static IntFunction<Throughput.Call> updates(Fleet fleet) {
        return worker -> {
            CognitoSyncClient sync = fleet.clients().get(worker);
            String token = fleet.list(sync, worker).syncSessionToken();
            long[] count = {0};
            return () -> count[0] = fleet.push(sync, worker, token, count[0]);
        };
    }

    private static void report(List<String> report, String operation, List<Throughput.Result> results) {
        Throughput.Result emulator = results.get(0);
        Throughput.Result baseline = results.get(1);
        assertThat(emulator.errors()).as(operation + " errors").isZero();
        report.add(String.format(Locale.ROOT, "%-13s emulator %,6.0f req/s (CPU/req %,5.0f us, server %,4.0f us) | "
                + "canned %,6.0f req/s (CPU/req %,5.0f us, server %,4.0f us) | ratio %.2f | rounds %s vs %s",
                operation, emulator.median(), emulator.cpuMicrosPerRequest(), emulator.serverMicrosPerRequest(),
                baseline.median(), baseline.cpuMicrosPerRequest(), baseline.serverMicrosPerRequest(),
                emulator.median() / baseline.median(), rates(emulator), rates(baseline)));
    }

    private static String rates(Throughput.Result result) {
        return result.perRound().stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate)).toList().toString();
    }

    private static byte[] listBody(ListRecordsResponse response) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("Records");
        response.records().forEach(record -> list.add(record(record)));
        body.put("Count", response.count()).putNull("NextToken").put("DatasetSyncCount", response.datasetSyncCount())
                .put("LastModifiedBy", response.lastModifiedBy()).putNull("MergedDatasetNames")
                .put("DatasetExists", true).put("DatasetDeletedAfterRequestedSyncCount", false)
                .put("SyncSessionToken", response.syncSessionToken());
        return JSON.writeValueAsBytes(body);
    }

    private static byte[] updateBody(Record record) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("Records").add(record(record));
        return JSON.writeValueAsBytes(body);
    }

    private static ObjectNode record(Record record) {
        return JSON.createObjectNode().put("Key", record.key()).put("Value", record.value())
                .put("SyncCount", record.syncCount())
                .put("LastModifiedDate", record.lastModifiedDate().toEpochMilli() / 1000.0)
                .put("LastModifiedBy", record.lastModifiedBy()).putNull("DeviceLastModifiedDate");
    }

    /** One client, identity and dataset per thread. */
    private record Fleet(String poolId, List<String> identities, List<CognitoSyncClient> clients) {

        static Fleet create(URI endpoint, int threads, int records) {
            CognitoIdentityClient identity = CognitoSyncEmulatorExtension.identityClient(endpoint,
                    CognitoSyncEmulatorExtension.DEVELOPER);
            String pool = identity.createIdentityPool(p -> p.identityPoolName("bench")
                    .allowUnauthenticatedIdentities(true)).identityPoolId();
            List<String> identities = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                identities.add(identity.getId(r -> r.identityPoolId(pool)).identityId());
            }
            Fleet fleet = new Fleet(pool, identities, List.of()).pointedAt(endpoint);
            for (int i = 0; i < threads; i++) {
                fleet.fill(i, records);
            }
            return fleet;
        }

        Fleet pointedAt(URI endpoint) {
            List<CognitoSyncClient> clients = identities.stream().map(id -> CognitoSyncEmulatorExtension
                    .syncClient(endpoint, CognitoSyncEmulatorExtension.DEVELOPER)).toList();
            return new Fleet(poolId, identities, clients);
        }

        ListRecordsResponse list(CognitoSyncClient sync, int worker) {
            return sync.listRecords(r -> r.identityPoolId(poolId).identityId(identities.get(worker))
                    .datasetName(DATASET).lastSyncCount(0L));
        }

        long push(CognitoSyncClient sync, int worker, String token, long count) {
            return sync.updateRecords(r -> r.identityPoolId(poolId).identityId(identities.get(worker))
                    .datasetName(DATASET).syncSessionToken(token).recordPatches(p -> p.op(Operation.REPLACE)
                            .key("counter").value(Long.toString(count)).syncCount(count)))
                    .records().get(0).syncCount();
        }

        private void fill(int worker, int records) {
            CognitoSyncClient sync = clients.get(worker);
            List<RecordPatch> patches = new ArrayList<>();
            for (int r = 0; r < records; r++) {
                patches.add(RecordPatch.builder().op(Operation.REPLACE).key("key-" + r).value("value " + r)
                        .syncCount(0L).build());
            }
            String token = list(sync, worker).syncSessionToken();
            sync.updateRecords(r -> r.identityPoolId(poolId).identityId(identities.get(worker)).datasetName(DATASET)
                    .syncSessionToken(token).recordPatches(patches));
        }
    }
}
