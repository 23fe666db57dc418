package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.auth.Identity;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.rules.GraphQlRequest;
import dev.syncshift.emulator.appsync.rules.GraphQlRules;
import dev.syncshift.emulator.appsync.store.InMemorySubscriptionStore;
import dev.syncshift.emulator.appsync.template.CloudFormationTemplate;
import graphql.ExecutionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Latency and throughput of a representative mutation and query through the emulator, against the same
 * DynamoDB calls made directly. Not a timed test: run it on demand (see the module README) with
 * {@code -Dappsync.benchmark=true}; it writes {@code target/benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "appsync.benchmark", matches = "true")
class AppSyncBenchmarkTest {

    private static final int WARMUP = Integer.getInteger("appsync.benchmark.warmup", 300);
    private static final int ROUNDS = Integer.getInteger("appsync.benchmark.rounds", 1000);
    private static final int THREADS = Integer.getInteger("appsync.benchmark.threads", 4);
    private static final String PUT = "mutation($id: ID!) { putNote(id: $id, text: \"benchmark\", tag: \"bench\") "
            + "{ owner id text version } }";
    private static final String GET = "query($id: ID!) { getNote(id: $id) { owner id text version } }";

    /** Latencies of one kind of call, in microseconds. */
    record Figures(String name, double medianMicros, double p99Micros, double perSecond) {
        String line() {
            return String.format("%-34s median %8.0f us   p99 %8.0f us   %7.0f req/s", name, medianMicros, p99Micros,
                    perSecond);
        }
    }

    @Test
    void measure() throws Exception {
        long started = System.nanoTime();
        List<String> report = new ArrayList<>();
        try (AppSyncEmulator emulator = AppSyncEmulator.start(TestApi.CONFIG)) {
            report.add(String.format("startup (template, DynamoDB Local, tables, GraalJS, Jetty): %d ms",
                    (System.nanoTime() - started) / 1_000_000));
            SignedGraphQlClient client = new SignedGraphQlClient(emulator.endpoint());
            DynamoDbClient dynamoDb = emulator.dynamoDb();
            IntConsumer put = i -> check(client.post(Caller.ALICE.credentials(), PUT, Map.of("id", "bench-" + i)));
            IntConsumer get = i -> check(client.post(Caller.ALICE.credentials(), GET, Map.of("id", "bench-"
                    + (i % ROUNDS))));
            IntConsumer directPut = i -> dynamoDb.putItem(b -> b.tableName("notes-test").item(item("direct-" + i)));
            IntConsumer directGet = i -> dynamoDb.getItem(b -> b.tableName("notes-test").consistentRead(true)
                    .key(Map.of("owner", s(Caller.ALICE_ID), "id", s("direct-" + (i % ROUNDS)))));
            Figures mutation = sequential("mutation putNote (PutItem)", put, 0);
            Figures query = sequential("query getNote (GetItem)", get, 0);
            IntConsumer none = i -> check(client.post(Caller.ALICE.credentials(), "{ early(stop: false) }", Map.of()));
            GraphQlRules rules = new GraphQlRules(CloudFormationTemplate.load(TestApi.TEMPLATE).api(),
                    new ClientItemStore(() -> dynamoDb), new InMemorySubscriptionStore<>());
            IntConsumer inProcessGet = i -> check(rules.execute(new GraphQlRequest(GET,
                    Map.of("id", "bench-" + (i % ROUNDS)), null), ALICE, Map.of()));
            IntConsumer inProcessNone = i -> check(rules.execute(new GraphQlRequest("{ early(stop: false) }",
                    Map.of(), null), ALICE, Map.of()));
            Figures noneQuery = sequential("query early (NONE data source)", none, 0);
            Figures resolverGet = sequential("in-process getNote (no HTTP/SigV4)", inProcessGet, 0);
            Figures resolverNone = sequential("in-process early (no HTTP/SigV4)", inProcessNone, 0);
            rules.close();
            Figures direct = sequential("direct PutItem", directPut, 0);
            Figures directRead = sequential("direct GetItem", directGet, 0);
            report.add(mutation.line());
            report.add(query.line());
            report.add(noneQuery.line());
            report.add(resolverGet.line());
            report.add(resolverNone.line());
            report.add(direct.line());
            report.add(directRead.line());
            report.add(concurrent("query getNote, " + THREADS + " threads", get));
            report.add(String.format("overhead ratio (emulator / direct, median): mutation %.1fx, query %.1fx",
                    mutation.medianMicros() / direct.medianMicros(), query.medianMicros() / directRead.medianMicros()));
            report.add(String.format("resolver runtime overhead (in-process getNote / direct GetItem, median): %.1fx",
                    resolverGet.medianMicros() / directRead.medianMicros()));
        }
        String text = String.join(System.lineSeparator(), report);
        System.out.println(text);
        Files.writeString(Path.of("target", "benchmark.txt"), text + System.lineSeparator());
        assertThat(report).hasSize(11);
    }

    private static Figures sequential(String name, IntConsumer call, int offset) {
        for (int i = 0; i < WARMUP; i++) {
            call.accept(ROUNDS + offset + i);
        }
        List<Long> nanos = new ArrayList<>(ROUNDS);
        long begin = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            call.accept(i);
            nanos.add(System.nanoTime() - t);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Collections.sort(nanos);
        return new Figures(name, nanos.get(ROUNDS / 2) / 1e3, nanos.get((int) (ROUNDS * 0.99)) / 1e3,
                ROUNDS / seconds);
    }

    private static String concurrent(String name, IntConsumer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long begin = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = thread; i < ROUNDS; i += THREADS) {
                        call.accept(i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return String.format("%-34s throughput %7.0f req/s", name, ROUNDS / ((System.nanoTime() - begin) / 1e9));
        } finally {
            pool.shutdownNow();
        }
    }

    private static final Identity ALICE = new Identity("111122223333", Caller.ALICE_ID, "us-east-1:pool",
            "authenticated", null, "arn:aws:sts::111122223333:assumed-role/Auth/CognitoIdentityCredentials",
            "AROA:CognitoIdentityCredentials", List.of("127.0.0.1"));

    private static void check(ExecutionResult result) {
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException(result.getErrors().toString());
        }
    }

    private static void check(SignedGraphQlClient.Answer answer) {
        if (answer.status() != 200 || answer.body().has("errors")) {
            throw new IllegalStateException(answer.body().toString());
        }
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("owner", s(Caller.ALICE_ID), "id", s(id), "text", s("benchmark"), "tag", s("bench"),
                "version", AttributeValue.fromN("1"), "updatedAt", s("2026-01-01T00:00:00Z"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
