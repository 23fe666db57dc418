package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Patch.put;
import static dev.syncshift.graphql.e2e.Patch.remove;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.RealtimeClient;
import dev.syncshift.emulator.appsync.junit.RealtimeClient.Authorization;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.util.function.Predicate;
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

    /** Pushed by A after a row's actions; its event, the last A's subscriber can get, ends the row. */
    private static final String SENTINEL_KEY = "sentinel";

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
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        Caller a = SyncshiftApi.freshUser();
        Caller b = SyncshiftApi.freshUser();
        try (RealtimeClient realtime = connect(a, emulator, Authorization.HEADER_QUERY_PARAMETER)) {
            JsonNode started = realtime.start("sub-1", a.credentials(), SyncOperations.ON_DATASET_CHANGED,
                    variables(a.identityId(), scenario.datasetFilter()));
            assertThat(started.path("type").asText()).as(started.toString()).isEqualTo("start_ack");

            scenario.actions().run(api, a, b);
            String sentinelDataset = scenario.datasetFilter() == null ? SENTINEL_KEY : scenario.datasetFilter();
            api.updateRecords(a, sentinelDataset, put(SENTINEL_KEY, "end", 0));

            List<String> delivered = new ArrayList<>();
            for (JsonNode data : realtime.dataUntil("sub-1", sentinel(a, sentinelDataset, api))) {
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
        try (RealtimeClient realtime = connect(a, emulator, Authorization.UPGRADE_HEADERS)) {
            JsonNode started = realtime.start("sub-1", a.credentials(), SyncOperations.ON_DATASET_CHANGED,
                    variables(a.identityId(), null));
            assertThat(started.path("type").asText()).as(started.toString()).isEqualTo("start_ack");

            new SyncOperations(new SignedGraphQlClient(emulator.endpoint())).updateRecords(a, "one", put("k", "a", 0));

            assertThat(realtime.next("data").at("/payload/data/onDatasetChanged/datasetName").asText())
                    .isEqualTo("one");
        }
    }

    @Test
    void cannotSubscribeToAnotherIdentity(AppSyncEmulator emulator) {
        Caller a = SyncshiftApi.freshUser();
        Caller b = SyncshiftApi.freshUser();
        try (RealtimeClient realtime = connect(a, emulator, Authorization.HEADER_QUERY_PARAMETER)) {
            JsonNode refused = realtime.start("sub-b", a.credentials(), SyncOperations.ON_DATASET_CHANGED,
                    variables(b.identityId(), null));

            assertThat(refused.path("type").asText()).as(refused.toString()).isEqualTo("error");
            assertThat(refused.path("payload").path("errors").path(0).path("errorType").asText())
                    .isEqualTo("Unauthorized");
            realtime.start("sub-a", a.credentials(), SyncOperations.ON_DATASET_CHANGED,
                    variables(a.identityId(), null));
            SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
            api.updateRecords(b, "one", put("k", "b", 0));
            api.updateRecords(a, SENTINEL_KEY, put(SENTINEL_KEY, "end", 0));
            assertThat(realtime.dataUntil("sub-b", sentinel(a, SENTINEL_KEY, api))).isEmpty();
        }
    }

    @Test
    void anUnknownKeyCannotConnect(AppSyncEmulator emulator) {
        try (RealtimeClient realtime = RealtimeClient.open(SyncshiftApi.UNKNOWN.credentials(), emulator.endpoint(),
                emulator.realtimeEndpoint(), Authorization.HEADER_QUERY_PARAMETER)) {
            realtime.init();

            JsonNode refused = realtime.next("connection_error");

            assertThat(refused.path("payload").path("errors").path(0).path("errorType").asText())
                    .isEqualTo("UnauthorizedException");
        }
    }

    private static RealtimeClient connect(Caller caller, AppSyncEmulator emulator, Authorization authorization) {
        return RealtimeClient.connect(caller.credentials(), emulator.endpoint(), emulator.realtimeEndpoint(),
                authorization);
    }

    /** The sentinel's event: A's dataset {@code dataset} at the count its sentinel push gave it. */
    private static Predicate<JsonNode> sentinel(Caller a, String dataset, SyncOperations api) {
        long count = api.describeDataset(a, dataset).data("describeDataset").path("syncCount").asLong();
        return message -> {
            JsonNode change = message.at("/payload/data/onDatasetChanged");
            return change.path("identityId").asText().equals(a.identityId())
                    && change.path("datasetName").asText().equals(dataset)
                    && change.path("datasetSyncCount").asLong() == count;
        };
    }

    private static Map<String, Object> variables(String identityId, String datasetName) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", identityId);
        variables.put("d", datasetName);
        return variables;
    }
}
