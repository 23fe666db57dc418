package dev.syncshift.emulator.appsync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.api.AppSyncServiceException;
import dev.syncshift.emulator.appsync.auth.IamAuthRules;
import dev.syncshift.emulator.appsync.auth.Identity;
import dev.syncshift.emulator.appsync.auth.SignedRequest;
import dev.syncshift.emulator.appsync.rules.GraphQlRequest;
import dev.syncshift.emulator.appsync.rules.GraphQlRules;
import graphql.GraphQLError;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real-time connection (AWS docs {@code real-time-websocket-client.html}; the project's
 * {@code docs/appsync-emulator.md}, "Real-time"):
 * {@code connection_init} → {@code connection_ack} with {@code connectionTimeoutMs}, then {@code ka} every
 * keep-alive interval; {@code start} (authorized per subscription) → {@code start_ack} or {@code error};
 * {@code data} per matching mutation; {@code stop} → {@code complete}. Public only because Jetty binds its
 * listener methods through method handles.
 */
public final class RealtimeEndpoint implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeEndpoint.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final String connectionId = UUID.randomUUID().toString();
    private final GraphQlRules rules;
    private final IamAuthRules auth;
    private final GraphQlJson json;
    private final ScheduledExecutorService timer;
    private final Duration keepAlive;
    private final Duration connectionTimeout;
    private final @Nullable AppSyncServiceException connectionFailure;
    private final String sourceIp;
    private volatile @Nullable Session session;
    private volatile @Nullable ScheduledFuture<?> keepAliveTask;

    RealtimeEndpoint(RealtimeContext context, @Nullable AppSyncServiceException connectionFailure, String sourceIp) {
        this.rules = context.rules();
        this.auth = context.auth();
        this.json = context.json();
        this.timer = context.timer();
        this.keepAlive = context.keepAlive();
        this.connectionTimeout = context.connectionTimeout();
        this.connectionFailure = connectionFailure;
        this.sourceIp = sourceIp;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
    }

    /** A connection that failed authorization answers its first message with connection_error and closes. */
    private boolean refuseConnection() {
        AppSyncServiceException failure = connectionFailure;
        if (failure == null) {
            return false;
        }
        send(message(null, "connection_error",
                json.connectionError(failure.code(), failure.getMessage(), ErrorRenderer.status(failure))));
        close();
        return true;
    }

    @Override
    public void onWebSocketText(String text) {
        if (refuseConnection()) {
            return;
        }
        JsonNode message;
        try {
            message = json.mapper().readTree(text);
        } catch (Exception e) {
            send(message(null, "error", Map.of("errors", List.of(Map.of("errorType", "MessageParsingError",
                    "message", "Unable to parse the message")))));
            return;
        }
        String id = message.path("id").isTextual() ? message.get("id").asText() : null;
        switch (message.path("type").asText()) {
            case "connection_init" -> acknowledge();
            case "start" -> start(id, message.path("payload"));
            case "stop" -> stop(id);
            case "connection_terminate" -> close();
            default -> send(message(id, "error", Map.of("errors", List.of(Map.of("errorType",
                    "UnsupportedOperation", "message", "Unsupported message type")))));
        }
    }

    private void acknowledge() {
        send(message(null, "connection_ack", Map.of("connectionTimeoutMs", connectionTimeout.toMillis())));
        send(message(null, "ka", null));
        keepAliveTask = timer.scheduleAtFixedRate(() -> send(message(null, "ka", null)),
                keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void start(@Nullable String id, JsonNode payload) {
        if (id == null) {
            return;
        }
        String data = payload.path("data").asText("");
        try {
            Identity identity = auth.authenticate(new SignedRequest("POST", Operations.GRAPHQL, null,
                    authorization(payload.path("extensions").path("authorization")),
                    data.getBytes(StandardCharsets.UTF_8), sourceIp));
            GraphQlRequest request = json.request(data.getBytes(StandardCharsets.UTF_8));
            List<GraphQLError> refused = rules.subscriptions().start(connectionId, id, request, identity,
                    payloadData -> send(message(id, "data", Map.of("data", payloadData))));
            if (refused.isEmpty()) {
                send(message(id, "start_ack", null));
            } else {
                send(message(id, "error", Map.of("errors", json.errors(refused))));
            }
        } catch (AppSyncServiceException e) {
            send(message(id, "error", Map.of("errors", json.httpError(e.code(), e.getMessage()).get("errors"))));
        } catch (RuntimeException e) {
            LOG.error("realtime start {} failed", id, e);
            send(message(id, "error", Map.of("errors", json.httpError("InternalFailure",
                    "An internal failure occurred.").get("errors"))));
        }
    }

    /** The subscription's signed headers: an object of strings, or nothing a signature could be found in. */
    private static Map<String, String> authorization(JsonNode node) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual()) {
                    headers.put(f.getKey(), f.getValue().asText());
                }
            });
        }
        return headers;
    }

    private void stop(@Nullable String id) {
        if (id != null) {
            rules.subscriptions().stop(connectionId, id);
            send(message(id, "complete", null));
        }
    }

    private void close() {
        Session current = session;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        ScheduledFuture<?> task = keepAliveTask;
        if (task != null) {
            task.cancel(false);
        }
        rules.subscriptions().disconnect(connectionId);
        LOG.debug("realtime connection {} closed ({})", connectionId, statusCode);
    }

    /**
     * A client that drops its side without a close (the compat client aborts a connection refused with
     * {@code connection_error}) ends the connection with a {@link ClosedChannelException}: part of a connection's life,
     * a DEBUG line. Anything else stays a warning (Jetty's own, without this method, is a WARN for both).
     */
    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof ClosedChannelException) {
            LOG.debug("realtime connection {} dropped by the client", connectionId);
        } else {
            LOG.warn("realtime connection {} failed", connectionId, cause);
        }
    }

    private static Map<String, @Nullable Object> message(@Nullable String id, String type,
            @Nullable Object payload) {
        Map<String, @Nullable Object> message = new LinkedHashMap<>();
        if (id != null) {
            message.put("id", id);
        }
        message.put("type", type);
        if (payload != null) {
            message.put("payload", payload);
        }
        return message;
    }

    /** Jetty allows one pending write per session, so writes are serialized and awaited. */
    private static void awaitSent(Callback.Completable sent) {
        try {
            sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("realtime send failed", e);
        }
    }

    private void send(Map<String, @Nullable Object> message) {
        Session current = session;
        if (current != null && current.isOpen()) {
            synchronized (this) {
                Callback.Completable sent = new Callback.Completable();
                current.sendText(json.write(message), sent);
                awaitSent(sent);
            }
        }
    }
}
