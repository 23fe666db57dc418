package dev.syncshift.emulator.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An AppSync real-time client over the JDK's WebSocket, as small as the protocol (appsync.md §4). */
final class RealtimeClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final SignedGraphQlClient signer;
    private final URI graphql;
    private WebSocket socket;

    private RealtimeClient(SignedGraphQlClient signer, URI graphql) {
        this.signer = signer;
        this.graphql = graphql;
    }

    /** Connects with the connection authorization in the {@code header} query parameter. */
    static RealtimeClient viaHeaderParameter(AppSyncEmulator emulator, Caller caller) {
        RealtimeClient client = new RealtimeClient(new SignedGraphQlClient(emulator.endpoint()), emulator.endpoint());
        Map<String, String> headers = client.authorization(caller, URI.create(emulator.endpoint() + "/connect"),
                "{}");
        String header = Base64.getEncoder().encodeToString(json(headers).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(emulator.realtimeEndpoint() + "?header=" + header + "&payload=e30=");
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-ws")
                .buildAsync(uri, client).join();
        return client;
    }

    /** Connects with the connection authorization on the upgrade request's headers. */
    static RealtimeClient viaUpgradeHeaders(AppSyncEmulator emulator, Caller caller) {
        RealtimeClient client = new RealtimeClient(new SignedGraphQlClient(emulator.endpoint()), emulator.endpoint());
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-ws");
        client.authorization(caller, URI.create(emulator.endpoint() + "/connect"), "{}").forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host")) {
                builder.header(name, value);
            }
        });
        client.socket = builder.buildAsync(emulator.realtimeEndpoint(), client).join();
        return client;
    }

    Map<String, String> authorization(Caller caller, URI uri, String body) {
        Map<String, String> headers = new LinkedHashMap<>(signer.signedHeaders(caller, uri, body, Clock.systemUTC()));
        headers.put("host", uri.getHost() + ":" + uri.getPort());
        return headers;
    }

    void init() {
        send(Map.of("type", "connection_init"));
    }

    void start(String id, Caller caller, String query, Map<String, Object> variables) {
        String data = SignedGraphQlClient.body(query, variables);
        send(Map.of("id", id, "type", "start", "payload", Map.of("data", data,
                "extensions", Map.of("authorization", authorization(caller, graphql, data)))));
    }

    void stop(String id) {
        send(Map.of("id", id, "type", "stop"));
    }

    void send(Map<String, Object> message) {
        socket.sendText(json(message), true).join();
    }

    /** The next message of the given type, skipping keep-alives unless asked for. */
    JsonNode next(String type) {
        try {
            for (JsonNode m = messages.poll(10, TimeUnit.SECONDS); m != null; m = messages.poll(10, TimeUnit.SECONDS)) {
                if (!m.path("type").asText().equals("ka") || type.equals("ka")) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + type + " message within 10 s");
    }

    boolean nothingButKeepAlives(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        for (JsonNode m = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS); m != null;
                m = messages.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            if (!m.path("type").asText().equals("ka")) {
                return false;
            }
        }
        return true;
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(SignedGraphQlClient.JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private static String json(Object value) {
        try {
            return SignedGraphQlClient.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
