package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Patch.put;
import static dev.syncshift.graphql.e2e.Patch.remove;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * onDatasetChanged over the AppSync real-time WebSocket: a subscriber sees every change of its own datasets (of one
 * dataset when it names one), in order, and nothing of other identities; it cannot subscribe to another identity;
 * an unsigned connection is refused.
 */
class SubscriptionTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    private static final Duration QUIET = Duration.ofMillis(1500);

    /** What the row's identities do once A is subscribed. */
    @FunctionalInterface
    interface Actions {
        void run(SyncOperations api, Caller a, Caller b);
    }

    /**
     * One row: A's subscription (dataset filter or null), what A, B and the migrator do, and the deliveries A's
     * subscriber gets as {@code <dataset>@<count>} ({@code +deleted} for deletions).
     */
    record Scenario(String name, String datasetFilter, Actions actions, List<String> delivered) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("every change of every dataset of the identity, in order", null, (api, a, b) -> {
                    api.updateRecords(a, "one", put("k", "1", 0));
                    api.updateRecords(a, "two", put("k", "1", 0));
                    api.updateRecords(a, "one", put("k", "2", 1), put("j", "x", 0));
                    api.syncDataset(a, "one", 2, remove("j", 2));
                    api.deleteDataset(a, "two");
                }, List.of("one@1", "two@1", "one@2", "one@3", "two@2+deleted")),
                new Scenario("only the named dataset", "one", (api, a, b) -> {
                    api.updateRecords(a, "one", put("k", "1", 0));
                    api.updateRecords(a, "two", put("k", "1", 0));
                    api.deleteDataset(a, "one");
                }, List.of("one@1", "one@2+deleted")),
                new Scenario("nothing of another identity's datasets, even of the same name", null, (api, a, b) -> {
                    api.updateRecords(b, "one", put("k", "b", 0));
                    api.updateRecords(a, "one", put("k", "a", 0));
                    api.deleteDataset(b, "one");
                }, List.of("one@1")),
                new Scenario("no event for a refused push", null, (api, a, b) -> {
                    api.updateRecords(a, "one", put("k", "1", 0));
                    api.updateRecords(a, "one", put("k", "stale", 0));
                }, List.of("one@1")),
                new Scenario("the migrator's import of the identity's dataset", null, (api, a, b) ->
                        api.adminImport(SyncshiftApi.MIGRATOR, ImportInputs.dataset(a.identityId(), "imported", 42,
                                List.of(ImportInputs.record("k", "v", 40)))),
                        List.of("imported@42")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void seesEveryOwnChangeAndNothingElse(Scenario scenario, AppSyncEmulator emulator) {
        SyncOperations api = new SyncOperations(new GraphQlClient(emulator.endpoint()));
        Caller a = SyncshiftApi.freshUser();
        Caller b = SyncshiftApi.freshUser();
        try (RealtimeClient realtime = RealtimeClient.connect(a, emulator.endpoint(), emulator.realtimeEndpoint())) {
            assertThat(realtime.next("connection_ack").path("payload").path("connectionTimeoutMs").asLong())
                    .isPositive();
            JsonNode started = realtime.start("sub-1", a, SyncOperations.ON_DATASET_CHANGED,
                    variables(a.identityId(), scenario.datasetFilter()));
            assertThat(started.path("type").asText()).as(started.toString()).isEqualTo("start_ack");

            scenario.actions().run(api, a, b);

            List<String> delivered = new ArrayList<>();
            for (JsonNode data : realtime.drainData("sub-1", QUIET)) {
                JsonNode change = data.path("onDatasetChanged");
                assertThat(change.path("identityId").asText()).isEqualTo(a.identityId());
                delivered.add(change.path("datasetName").asText() + "@" + change.path("datasetSyncCount").asLong()
                        + (change.path("deleted").asBoolean() ? "+deleted" : ""));
            }
            assertThat(delivered).isEqualTo(scenario.delivered());
        }
    }

    @Test
    void authorizationOnTheUpgradeHeadersWorksToo(AppSyncEmulator emulator) {
        Caller a = SyncshiftApi.freshUser();
        try (RealtimeClient realtime = RealtimeClient.connectWithUpgradeHeaders(a, emulator.endpoint(),
                emulator.realtimeEndpoint())) {
            realtime.next("connection_ack");
            JsonNode started = realtime.start("sub-1", a, SyncOperations.ON_DATASET_CHANGED,
                    variables(a.identityId(), null));
            assertThat(started.path("type").asText()).as(started.toString()).isEqualTo("start_ack");

            new SyncOperations(new GraphQlClient(emulator.endpoint())).updateRecords(a, "one", put("k", "a", 0));

            assertThat(realtime.drainData("sub-1", QUIET)).hasSize(1);
        }
    }

    @Test
    void cannotSubscribeToAnotherIdentity(AppSyncEmulator emulator) {
        Caller a = SyncshiftApi.freshUser();
        Caller b = SyncshiftApi.freshUser();
        try (RealtimeClient realtime = RealtimeClient.connect(a, emulator.endpoint(), emulator.realtimeEndpoint())) {
            realtime.next("connection_ack");

            JsonNode refused = realtime.start("sub-b", a, SyncOperations.ON_DATASET_CHANGED,
                    variables(b.identityId(), null));

            assertThat(refused.path("type").asText()).as(refused.toString()).isEqualTo("error");
            assertThat(refused.path("payload").path("errors").path(0).path("errorType").asText())
                    .isEqualTo("Unauthorized");
            new SyncOperations(new GraphQlClient(emulator.endpoint())).updateRecords(b, "one", put("k", "b", 0));
            assertThat(realtime.drainData("sub-b", QUIET)).isEmpty();
        }
    }

    @Test
    void anUnknownKeyCannotConnect(AppSyncEmulator emulator) {
        try (RealtimeClient realtime = RealtimeClient.connect(SyncshiftApi.UNKNOWN, emulator.endpoint(),
                emulator.realtimeEndpoint())) {
            JsonNode refused = realtime.next("connection_error");

            assertThat(refused.path("payload").path("errors").path(0).path("errorType").asText())
                    .isEqualTo("UnauthorizedException");
        }
    }

    private static Map<String, Object> variables(String identityId, String datasetName) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", identityId);
        variables.put("d", datasetName);
        return variables;
    }
}
