package dev.syncshift.graphql.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
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

/**
 * An AppSync real-time client (appsync.md §4): a {@code graphql-ws} WebSocket to {@code /graphql/realtime}
 * authorized by the SigV4 headers of {@code POST /graphql/connect} with body {@code {}} (sent base64 in the
 * {@code header} query parameter, as Apollo's AppSync protocol does), then {@code start} messages each carrying the
 * SigV4 headers of a POST of their {@code data} to {@code /graphql}. Messages other than {@code ka} are queued.
 */
final class RealtimeClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final GraphQlClient signer;
    private final URI graphQlEndpoint;
    private final WebSocket socket;

    private RealtimeClient(GraphQlClient signer, URI graphQlEndpoint, URI realtime, Map<String, String> headers) {
        this.signer = signer;
        this.graphQlEndpoint = graphQlEndpoint;
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-ws");
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(realtime, new Listener()).join();
    }

    /**
     * Opens a connection signed by {@code caller}, its authorization base64 in the {@code header} query parameter,
     * and sends {@code connection_init}.
     */
    static RealtimeClient connect(Caller caller, URI graphQlEndpoint, URI realtimeEndpoint) {
        GraphQlClient signer = new GraphQlClient(graphQlEndpoint);
        String header = Base64.getEncoder().encodeToString(json(connectHeaders(signer, caller, graphQlEndpoint))
                .getBytes(StandardCharsets.UTF_8));
        URI realtime = URI.create(realtimeEndpoint + "?header=" + header + "&payload=e30=");
        return initialized(new RealtimeClient(signer, graphQlEndpoint, realtime, Map.of()));
    }

    /** As {@link #connect}, with the authorization as headers of the upgrade request (current Amplify clients). */
    static RealtimeClient connectWithUpgradeHeaders(Caller caller, URI graphQlEndpoint, URI realtimeEndpoint) {
        GraphQlClient signer = new GraphQlClient(graphQlEndpoint);
        Map<String, String> headers = new LinkedHashMap<>(connectHeaders(signer, caller, graphQlEndpoint));
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("host"));
        return initialized(new RealtimeClient(signer, graphQlEndpoint, realtimeEndpoint, headers));
    }

    private static Map<String, String> connectHeaders(GraphQlClient signer, Caller caller, URI graphQlEndpoint) {
        return signer.signedHeaders(caller.credentials(), URI.create(graphQlEndpoint + "/connect"), "{}");
    }

    private static RealtimeClient initialized(RealtimeClient client) {
        client.socket.sendText(json(Map.of("type", "connection_init")), true).join();
        return client;
    }

    /** Sends a {@code start} for {@code id}, signed by {@code caller}; returns the answer (start_ack or error). */
    JsonNode start(String id, Caller caller, String query, Map<String, ?> variables) {
        String data = GraphQlClient.body(query, variables);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("data", data);
        payload.put("extensions", Map.of("authorization",
                signer.signedHeaders(caller.credentials(), graphQlEndpoint, data)));
        socket.sendText(json(Map.of("id", id, "type", "start", "payload", payload)), true).join();
        return next(m -> id.equals(m.path("id").asText()));
    }

    /** The next message of the given type, skipping others; fails after a while. */
    JsonNode next(String type) {
        return next(m -> type.equals(m.path("type").asText()));
    }

    /** Every {@code data} message of subscription {@code id} that arrives within {@code quiet} of the previous one. */
    List<JsonNode> drainData(String id, Duration quiet) {
        List<JsonNode> data = new ArrayList<>();
        JsonNode message = poll(quiet);
        while (message != null) {
            if ("data".equals(message.path("type").asText()) && id.equals(message.path("id").asText())) {
                data.add(message.path("payload").path("data"));
            }
            message = poll(quiet);
        }
        return data;
    }

    private JsonNode next(java.util.function.Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no awaited real-time message within " + WAIT);
    }

    private JsonNode poll(Duration timeout) {
        try {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return GraphQlClient.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
            partial.append(text);
            if (last) {
                try {
                    JsonNode message = GraphQlClient.JSON.readTree(partial.toString());
                    if (!"ka".equals(message.path("type").asText())) {
                        messages.add(message);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
