package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.RealtimeClient;
import dev.syncshift.emulator.appsync.junit.RealtimeClient.Authorization;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real-time WebSocket: handshake, authorization, delivery, argument filtering, stop. */
class RealtimeSubscriptionTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = TestApi.extension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ON_NOTE = "subscription($owner: ID, $tag: String) { onNote(owner: $owner, tag: $tag) "
            + "{ __typename owner id text version } }";

    /** A way to connect and what the server answers to {@code connection_init}. */
    record Handshake(String name, Authorization authorization, Caller caller, String expectedType) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Handshake> handshakes() {
        return Stream.of(
                new Handshake("header query parameter", Authorization.HEADER_QUERY_PARAMETER, Caller.ALICE,
                        "connection_ack"),
                new Handshake("upgrade headers", Authorization.UPGRADE_HEADERS, Caller.BOB, "connection_ack"),
                new Handshake("header subprotocol (Amplify JS v6)", Authorization.SUBPROTOCOL, Caller.BOB,
                        "connection_ack"),
                new Handshake("wrong secret in a subprotocol", Authorization.SUBPROTOCOL, Caller.WRONG_SECRET,
                        "connection_error"),
                new Handshake("wrong secret", Authorization.HEADER_QUERY_PARAMETER, Caller.WRONG_SECRET,
                        "connection_error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handshakes")
    void handshake(Handshake handshake, AppSyncEmulator emulator) {
        try (RealtimeClient client = RealtimeClient.open(handshake.caller().credentials(), emulator.endpoint(),
                emulator.realtimeEndpoint(), handshake.authorization())) {
            client.init();

            JsonNode answer = client.next();

            assertThat(client.subprotocol()).isEqualTo("graphql-ws");
            assertThat(answer.path("type").asText()).isEqualTo(handshake.expectedType());
            if (handshake.expectedType().equals("connection_ack")) {
                assertThat(answer.at("/payload/connectionTimeoutMs").asLong()).isEqualTo(300_000);
                assertThat(client.next("ka").path("type").asText()).isEqualTo("ka");
            } else {
                assertThat(answer.at("/payload/errors/0/errorType").asText()).isEqualTo("UnauthorizedException");
                assertThat(answer.at("/payload/errors/0/errorCode").asInt()).isEqualTo(401);
            }
        }
    }

    @Test
    void deliversMatchingMutationsUntilStopped(AppSyncEmulator emulator) {
        SignedGraphQlClient http = new SignedGraphQlClient(emulator.endpoint());
        try (RealtimeClient client = connected(emulator, Caller.ALICE)) {
            assertThat(client.start("sub-1", Caller.ALICE.credentials(), ON_NOTE, Map.of("owner", Caller.ALICE_ID))
                    .path("type").asText()).isEqualTo("start_ack");
            assertThat(client.start("sentinel", Caller.ALICE.credentials(), ON_NOTE, Map.of("tag", "sentinel"))
                    .path("type").asText()).isEqualTo("start_ack");

            http.post(Caller.BOB.credentials(),
                    "mutation { putNote(id: \"rt-bob\", text: \"not yours\") { owner id text } }",
                    Map.of());
            http.post(Caller.ALICE.credentials(),
                    "mutation { putNote(id: \"rt-1\", text: \"hi\") { owner id text } }", Map.of());
            JsonNode data = client.next("data");

            assertThat(data.path("id").asText()).isEqualTo("sub-1");
            assertThat(data.at("/payload/data/onNote").toString()).isEqualTo("{\"__typename\":\"Note\",\"owner\":\""
                    + Caller.ALICE_ID + "\",\"id\":\"rt-1\",\"text\":\"hi\",\"version\":null}");

            http.post(Caller.ALICE.credentials(),
                    "mutation { updateNote(id: \"rt-1\", text: \"again\") { owner id text version } }",
                    Map.of());
            assertThat(client.next("data").at("/payload/data/onNote/version").asInt()).isEqualTo(2);

            client.stop("sub-1");
            assertThat(client.next("complete").path("id").asText()).isEqualTo("sub-1");
            http.post(Caller.ALICE.credentials(), "mutation { putNote(id: \"rt-2\", text: \"late\") { owner id } }",
                    Map.of());
            http.post(Caller.ALICE.credentials(), "mutation { putNote(id: \"rt-end\", tag: \"sentinel\") { id tag } }",
                    Map.of());
            assertThat(client.dataUntil("sub-1", m -> m.path("id").asText().equals("sentinel"))).isEmpty();
        }
    }

    /** A {@code start} with an id the connection already uses is refused as AppSync refuses it; the first stays. */
    @Test
    void aSecondStartWithAnIdInUseIsADuplicatedOperation(AppSyncEmulator emulator) {
        SignedGraphQlClient http = new SignedGraphQlClient(emulator.endpoint());
        try (RealtimeClient client = connected(emulator, Caller.ALICE)) {
            Map<String, String> mine = Map.of("owner", Caller.ALICE_ID);
            assertThat(client.start("same", Caller.ALICE.credentials(), ON_NOTE, mine).path("type").asText())
                    .isEqualTo("start_ack");

            JsonNode refused = client.start("same", Caller.ALICE.credentials(), ON_NOTE, Map.of("tag", "other"));

            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("id").asText()).isEqualTo("same");
            assertThat(refused.at("/payload/errors/0/errorType").asText()).isEqualTo("DuplicatedOperationError");
            assertThat(refused.at("/payload/errors/0/message").asText())
                    .isEqualTo("Duplicated operation with id same");
            client.start("sentinel", Caller.ALICE.credentials(), ON_NOTE, Map.of("tag", "sentinel"));
            http.post(Caller.ALICE.credentials(), "mutation { putNote(id: \"rt-dup\") { owner id } }", Map.of());
            http.post(Caller.BOB.credentials(), "mutation { putNote(id: \"rt-dup-x\", tag: \"sentinel\") { id tag } }",
                    Map.of());
            assertThat(client.dataUntil("same", m -> m.path("id").asText().equals("sentinel")))
                    .as("the first subscription, once").hasSize(1);

            client.stop("same");
            client.next("complete");
            assertThat(client.start("same", Caller.ALICE.credentials(), ON_NOTE, mine).path("type").asText())
                    .as("free again after stop").isEqualTo("start_ack");
        }
    }

    @Test
    void filtersOnEveryGivenArgument(AppSyncEmulator emulator) {
        SignedGraphQlClient http = new SignedGraphQlClient(emulator.endpoint());
        try (RealtimeClient client = connected(emulator, Caller.ALICE)) {
            client.start("by-tag", Caller.ALICE.credentials(), ON_NOTE, Map.of("tag", "blue"));

            http.post(Caller.ALICE.credentials(), "mutation { putNote(id: \"rt-red\", tag: \"red\") { id tag } }",
                    Map.of());
            http.post(Caller.BOB.credentials(),
                    "mutation { putNote(id: \"rt-blue\", tag: \"blue\") { id tag owner } }", Map.of());

            JsonNode data = client.next("data");
            assertThat(data.at("/payload/data/onNote/id").asText()).isEqualTo("rt-blue");
            assertThat(data.at("/payload/data/onNote/owner").asText()).isEqualTo(Caller.BOB_ID);
        }
    }

    @Test
    void subscriptionResolverRunsWithTheSubscribersIdentity(AppSyncEmulator emulator) {
        String onMyNote = "subscription($owner: ID!) { mine: onMyNote(owner: $owner) { id } }";
        SignedGraphQlClient http = new SignedGraphQlClient(emulator.endpoint());
        try (RealtimeClient client = connected(emulator, Caller.ALICE)) {
            JsonNode refused = client.start("theirs", Caller.ALICE.credentials(), onMyNote,
                    Map.of("owner", Caller.BOB_ID));
            client.start("mine", Caller.ALICE.credentials(), onMyNote, Map.of("owner", Caller.ALICE_ID));
            http.post(Caller.ALICE.credentials(), "mutation { putNote(id: \"rt-mine\") { owner id } }", Map.of());

            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("id").asText()).isEqualTo("theirs");
            assertThat(refused.at("/payload/errors/0/message").asText())
                    .isEqualTo("Not Authorized to access onMyNote on type Subscription");
            assertThat(refused.at("/payload/errors/0/errorType").asText()).isEqualTo("Unauthorized");
            assertThat(client.next("data").at("/payload/data/mine/id").asText()).isEqualTo("rt-mine");
        }
    }

    @Test
    void enhancedFilterReplacesTheArguments(AppSyncEmulator emulator) {
        SignedGraphQlClient http = new SignedGraphQlClient(emulator.endpoint());
        try (RealtimeClient client = connected(emulator, Caller.ALICE)) {
            client.start("own", Caller.ALICE.credentials(), "subscription { onOwnNotes(owner: \"" + Caller.BOB_ID
                    + "\", minVersion: 2) { owner id version } }", Map.of());

            http.post(Caller.BOB.credentials(), "mutation { putNote(id: \"ef-bob\") { owner id version } }", Map.of());
            http.post(Caller.ALICE.credentials(), "mutation { putNote(id: \"ef-1\") { owner id version } }", Map.of());
            http.post(Caller.ALICE.credentials(),
                    "mutation { updateNote(id: \"ef-1\", text: \"v2\") { owner id version } }",
                    Map.of());

            JsonNode data = client.next("data");
            assertThat(data.at("/payload/data/onOwnNotes/id").asText()).isEqualTo("ef-1");
            assertThat(data.at("/payload/data/onOwnNotes/version").asInt()).isEqualTo(2);
        }
    }

    @Test
    void refusesAStartWithABadSignature(AppSyncEmulator emulator) {
        try (RealtimeClient client = connected(emulator, Caller.ALICE)) {
            JsonNode error = client.start("forged", Caller.WRONG_SECRET.credentials(), ON_NOTE, Map.of());

            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("id").asText()).isEqualTo("forged");
            assertThat(error.at("/payload/errors/0/errorType").asText()).isEqualTo("UnauthorizedException");
        }
    }

    @Test
    void theHeaderParameterKeepsItsPlusSigns(AppSyncEmulator emulator) {
        Map<String, String> headers = new LinkedHashMap<>(new SignedGraphQlClient(emulator.endpoint()).signedHeaders(
                Caller.ALICE.credentials(), URI.create(emulator.endpoint() + "/connect"), "{}", Clock.systemUTC()));
        headers.put("x-unsigned-padding", "~~~");
        String header = Base64.getEncoder().encodeToString(JSON.valueToTree(headers).toString()
                .getBytes(StandardCharsets.UTF_8));
        assertThat(header).contains("+");

        URI uri = URI.create(emulator.realtimeEndpoint() + "?header=" + header + "&payload=e30=");
        try (RealtimeClient client = RealtimeClient.openRaw(emulator.endpoint(), uri, Map.of(),
                List.of("graphql-ws"))) {
            client.init();

            assertThat(client.next().path("type").asText()).isEqualTo("connection_ack");
        }
    }

    @ParameterizedTest(name = "authorization {0}")
    @MethodSource("malformedAuthorizations")
    void aStartWithMalformedAuthorizationFailsAloneAndTheConnectionLives(String authorization,
            AppSyncEmulator emulator) {
        try (RealtimeClient client = connected(emulator, Caller.ALICE)) {
            client.sendText("{\"id\":\"bad\",\"type\":\"start\",\"payload\":{\"data\":\"{}\","
                    + "\"extensions\":{\"authorization\":" + authorization + "}}}");

            JsonNode refused = client.next();

            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("id").asText()).isEqualTo("bad");
            assertThat(refused.at("/payload/errors/0/errorType").asText()).isEqualTo("UnauthorizedException");
            assertThat(client.start("good", Caller.ALICE.credentials(), ON_NOTE, Map.of()).path("type").asText())
                    .isEqualTo("start_ack");
        }
    }

    static Stream<String> malformedAuthorizations() {
        return Stream.of("\"a string\"", "[\"an\", \"array\"]", "{\"host\": 1, \"x-amz-date\": [2]}", "null");
    }

    private static RealtimeClient connected(AppSyncEmulator emulator, Caller caller) {
        return RealtimeClient.connect(caller.credentials(), emulator.endpoint(), emulator.realtimeEndpoint(),
                Authorization.HEADER_QUERY_PARAMETER);
    }
}
