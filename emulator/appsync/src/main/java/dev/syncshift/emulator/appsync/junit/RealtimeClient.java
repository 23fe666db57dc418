package dev.syncshift.emulator.appsync.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * An AppSync real-time client (AWS docs {@code real-time-websocket-client.html}) for tests: a {@code graphql-ws}
 * WebSocket authorized by the SigV4 headers of {@code POST <graphql endpoint>/connect} with body {@code {}}, then
 * {@code start} messages each carrying the SigV4 headers of a {@code POST} of their {@code data} to the GraphQL
 * endpoint. Every message received is queued; the {@code next} methods wait for one (20 s at most, then fail with
 * an {@link AssertionError}). Not thread-safe: one test thread reads it.
 */
public final class RealtimeClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String GRAPHQL_WS = "graphql-ws";

    /** Where the connection's authorization travels. */
    public enum Authorization {
        /** Base64 JSON in the {@code header} query parameter, with {@code payload=e30=} (older clients). */
        HEADER_QUERY_PARAMETER,
        /** As headers of the upgrade request (current Amplify Android and the Apollo AppSync extension). */
        UPGRADE_HEADERS,
        /** Base64url JSON in a {@code header-…} subprotocol offered beside {@code graphql-ws} (Amplify JS v6). */
        SUBPROTOCOL
    }

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final SignedGraphQlClient signer;
    private final URI graphQlEndpoint;
    private final WebSocket socket;

    private RealtimeClient(SignedGraphQlClient signer, URI graphQlEndpoint, URI realtime,
            Map<String, String> headers, List<String> subprotocols) {
        this.signer = signer;
        this.graphQlEndpoint = graphQlEndpoint;
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(realtime, new Listener()).join();
    }

    /**
     * Opens a connection exactly as described, for tests of the handshake itself.
     *
     * @param graphQlEndpoint the GraphQL endpoint later {@code start}s are signed for
     * @param realtimeUri the WebSocket URI, query included
     * @param upgradeHeaders headers of the upgrade request ({@code host} excluded: the JDK sets it)
     * @param subprotocols the subprotocols offered, at least one
     * @return the open connection
     */
    public static RealtimeClient openRaw(URI graphQlEndpoint, URI realtimeUri, Map<String, String> upgradeHeaders,
            List<String> subprotocols) {
        return new RealtimeClient(new SignedGraphQlClient(graphQlEndpoint), graphQlEndpoint, realtimeUri,
                upgradeHeaders, subprotocols);
    }

    /**
     * Opens a connection signed by {@code credentials}; sends nothing yet (see {@link #init()}).
     *
     * @param credentials who signs the connection
     * @param graphQlEndpoint the GraphQL endpoint, e.g. {@code AppSyncEmulator.endpoint()}
     * @param realtimeEndpoint the real-time endpoint, e.g. {@code AppSyncEmulator.realtimeEndpoint()}
     * @param authorization where the connection's authorization travels
     * @return the open connection
     * @throws java.util.concurrent.CompletionException when the WebSocket cannot be opened
     */
    public static RealtimeClient open(AwsCredentialsIdentity credentials, URI graphQlEndpoint, URI realtimeEndpoint,
            Authorization authorization) {
        SignedGraphQlClient signer = new SignedGraphQlClient(graphQlEndpoint);
        Map<String, String> headers = new LinkedHashMap<>(signer.signedHeaders(credentials,
                URI.create(graphQlEndpoint + "/connect"), "{}", Clock.systemUTC()));
        byte[] json = SignedGraphQlClient.json(headers).getBytes(StandardCharsets.UTF_8);
        switch (authorization) {
            case UPGRADE_HEADERS -> {
                headers.keySet().removeIf(name -> name.equalsIgnoreCase("host"));
                return new RealtimeClient(signer, graphQlEndpoint, realtimeEndpoint, headers, List.of(GRAPHQL_WS));
            }
            case SUBPROTOCOL -> {
                String header = "header-" + Base64.getUrlEncoder().withoutPadding().encodeToString(json);
                return new RealtimeClient(signer, graphQlEndpoint, realtimeEndpoint, Map.of(),
                        List.of(GRAPHQL_WS, header));
            }
            default -> {
                URI uri = URI.create(realtimeEndpoint + "?header=" + Base64.getEncoder().encodeToString(json)
                        + "&payload=e30=");
                return new RealtimeClient(signer, graphQlEndpoint, uri, Map.of(), List.of(GRAPHQL_WS));
            }
        }
    }

    /**
     * Opens a connection as {@link #open} does, sends {@code connection_init} and waits for the
     * {@code connection_ack}.
     *
     * @param credentials who signs the connection
     * @param graphQlEndpoint the GraphQL endpoint
     * @param realtimeEndpoint the real-time endpoint
     * @param authorization where the connection's authorization travels
     * @return the acknowledged connection
     * @throws AssertionError when the server answers anything else
     */
    public static RealtimeClient connect(AwsCredentialsIdentity credentials, URI graphQlEndpoint,
            URI realtimeEndpoint, Authorization authorization) {
        RealtimeClient client = open(credentials, graphQlEndpoint, realtimeEndpoint, authorization);
        client.init();
        JsonNode answer = client.next();
        if (!"connection_ack".equals(answer.path("type").asText())) {
            client.close();
            throw new AssertionError("expected connection_ack, got " + answer);
        }
        return client;
    }

    /** Sends {@code connection_init}. */
    public void init() {
        send(Map.of("type", "connection_init"));
    }

    /**
     * Sends a {@code start} for subscription {@code id} signed by {@code credentials} and waits for its answer.
     *
     * @param id the subscription id
     * @param credentials who signs the subscription
     * @param query the subscription document
     * @param variables its variables
     * @return the answer for {@code id}: {@code start_ack} or {@code error}
     */
    public JsonNode start(String id, AwsCredentialsIdentity credentials, String query, Map<String, ?> variables) {
        String data = SignedGraphQlClient.body(query, variables);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("data", data);
        payload.put("extensions", Map.of("authorization",
                signer.signedHeaders(credentials, graphQlEndpoint, data, Clock.systemUTC())));
        send(Map.of("id", id, "type", "start", "payload", payload));
        return next(m -> id.equals(m.path("id").asText()));
    }

    /**
     * Sends {@code stop} for a subscription.
     *
     * @param id the subscription id
     */
    public void stop(String id) {
        send(Map.of("id", id, "type", "stop"));
    }

    /**
     * Sends any message, as JSON.
     *
     * @param message the message
     */
    public void send(Map<String, ?> message) {
        sendText(SignedGraphQlClient.json(message));
    }

    /**
     * Sends a text frame as it is, JSON or not.
     *
     * @param text the frame's text
     */
    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * The next message other than a keep-alive ({@code ka}).
     *
     * @return the message
     * @throws AssertionError when none arrives in time
     */
    public JsonNode next() {
        return next(m -> !"ka".equals(m.path("type").asText()));
    }

    /**
     * The next message of a type, skipping the others.
     *
     * @param type e.g. {@code data}, {@code ka}
     * @return the message
     * @throws AssertionError when none arrives in time
     */
    public JsonNode next(String type) {
        return next(m -> type.equals(m.path("type").asText()));
    }

    /**
     * The next message that {@code wanted} accepts, skipping the others.
     *
     * @param wanted which message
     * @return the message
     * @throws AssertionError when none arrives in time
     */
    public JsonNode next(Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no awaited real-time message within " + WAIT);
    }

    /**
     * The {@code data} payloads of subscription {@code id} received before the first {@code data} message (of any
     * subscription) that {@code sentinel} accepts; proves that nothing else came before that sentinel, without
     * waiting for quiet. Since the server sends a connection's messages in order, a sentinel caused after the
     * events under test arrives after all of them.
     *
     * @param id the subscription id
     * @param sentinel recognizes the sentinel's {@code data} message
     * @return the payloads ({@code payload.data}) of {@code id}, in order, without the sentinel
     * @throws AssertionError when the sentinel does not arrive in time
     */
    public List<JsonNode> dataUntil(String id, Predicate<JsonNode> sentinel) {
        List<JsonNode> data = new ArrayList<>();
        while (true) {
            JsonNode message = next("data");
            if (sentinel.test(message)) {
                return data;
            }
            if (id.equals(message.path("id").asText())) {
                data.add(message.path("payload").path("data"));
            }
        }
    }

    /**
     * The subprotocol the server accepted.
     *
     * @return e.g. {@code graphql-ws}, empty when none
     */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    private @Nullable JsonNode poll(Duration timeout) {
        try {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Closes the connection without waiting for the server. */
    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
            partial.append(text);
            if (last) {
                messages.add(SignedGraphQlClient.parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
