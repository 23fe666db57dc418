package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.fault.FaultPlan;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Injected faults ({@code --throttle-rate}, {@code --fault-rate}): a throttled request is a 429
 * {@code LimitExceededError}, a failed one a 500 {@code InternalFailure}, both in the data plane's error shape, and
 * neither changes anything; the requests let through run as usual.
 */
class FaultInjectionTest {

    static final int PUTS = 60;

    static AppSyncEmulator emulator;
    static SignedGraphQlClient client;

    @BeforeAll
    static void start() {
        emulator = AppSyncEmulator.start(TestApi.CONFIG.withFaults(new FaultPlan(0.3, 0.2, Duration.ofMillis(1), 5)));
        client = new SignedGraphQlClient(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void throttledAndFailedRequestsAreRefusedWholeAndTheRestRun() {
        Map<String, SignedGraphQlClient.Answer> puts = new HashMap<>();
        IntStream.range(0, PUTS).mapToObj(i -> "fault-" + i).forEach(id -> puts.put(id, client.post(
                Caller.ALICE.credentials(), "mutation($id: ID!) { putNote(id: $id, text: \"x\") { id } }",
                Map.of("id", id))));

        List<SignedGraphQlClient.Answer> throttled = puts.values().stream().filter(a -> a.status() == 429).toList();
        List<SignedGraphQlClient.Answer> failed = puts.values().stream().filter(a -> a.status() == 500).toList();
        assertThat(throttled).isNotEmpty().allSatisfy(a -> {
            assertThat(a.error().path("errorType").asText()).isEqualTo("LimitExceededError");
            assertThat(a.error().path("message").asText()).isEqualTo("Rate exceeded");
            assertThat(a.body().has("data")).isFalse();
        });
        assertThat(failed).isNotEmpty().allSatisfy(a -> {
            assertThat(a.error().path("errorType").asText()).isEqualTo("InternalFailure");
            assertThat(a.body().has("data")).isFalse();
        });
        assertThat(puts.values()).allSatisfy(a -> assertThat(a.status()).isIn(200, 429, 500));
        puts.forEach((id, answer) -> assertThat(stored(id)).as(id).isEqualTo(answer.status() == 200));
    }

    /** Whether the note exists, asked until a read gets through the faults. */
    private static boolean stored(String id) {
        for (int attempt = 0; attempt < 100; attempt++) {
            SignedGraphQlClient.Answer answer = client.post(Caller.ALICE.credentials(),
                    "query($id: ID!) { getNote(id: $id) { id } }", Map.of("id", id));
            if (answer.status() == 200) {
                return !answer.data("getNote").isNull();
            }
        }
        throw new AssertionError("no read of " + id + " got through in 100 attempts");
    }
}
