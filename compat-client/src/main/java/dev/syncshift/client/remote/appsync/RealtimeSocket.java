package dev.syncshift.client.remote.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a {@link RealtimeConnection}, from its opening to its end: it reads the connection's messages and
 * hands each to the {@link RealtimeConnection}, keeps its deadlines (the acknowledgements, the keep-alives) and tells
 * the {@link RealtimeConnection} of its end once, however many ways it ends (an abort, then {@code onError}).
 */
final class RealtimeSocket implements WebSocket.Listener {

    /** The connection's log: an app sets one level for the real-time connection, whichever class tells. */
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeConnection.class);
    /** The silence after which a connection counts as dead when the service's ack names no timeout (AppSync's). */
    private static final long DEFAULT_TIMEOUT_MS = 300_000;

    private final RealtimeConnection connection;
    private final StringBuilder partial = new StringBuilder();
    private volatile @Nullable WebSocket socket;
    /** Whether {@code connection_ack} arrived: subscriptions may start. */
    private volatile boolean acknowledged;
    private volatile long lastHeard = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();

    RealtimeSocket(RealtimeConnection connection) {
        this.connection = connection;
    }

    /** The connection is open on {@code ws}. */
    void opened(WebSocket ws) {
        socket = ws;
    }

    WebSocket ws() {
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("not open");
        }
        return ws;
    }

    /** Whether subscriptions may start on this connection: it is acknowledged and has not ended. */
    boolean usable() {
        return acknowledged && !ended.get();
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket ws, CharSequence text, boolean last) {
        partial.append(text);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            handle(message);
        }
        ws.request(1);
        return null;
    }

    private void handle(String text) {
        lastHeard = System.nanoTime();
        JsonNode message;
        try {
            message = GraphQlCall.JSON.readTree(text);
        } catch (IOException e) {
            LOG.warn("unreadable real-time message for {}", connection.identity());
            return;
        }
        String id = message.path("id").asText("");
        switch (message.path("type").asText()) {
            case "connection_ack" -> {
                acknowledged = true;
                watchKeepAlive(message.path("payload").path("connectionTimeoutMs").asLong(DEFAULT_TIMEOUT_MS));
                connection.startAll(this);
            }
            case "start_ack" -> connection.startAcknowledged(this, id);
            case "data" -> connection.changed(this, id, message);
            case "error" -> connection.errored(this, id, message);
            case "connection_error" -> connection.refused(this, message);
            default -> {
                // ka and complete need no action
            }
        }
    }

    /** Aborts this connection and makes another. */
    void failed(Throwable why) {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        ended(why);
    }

    /**
     * Ends the connection when nothing (not even a {@code ka}) arrived for {@code timeoutMs}, the time the
     * service's {@code connection_ack} announced: a connection that went half-open (a network change, a sleeping
     * device) would otherwise look alive for ever while it delivers nothing.
     */
    private void watchKeepAlive(long timeoutMs) {
        long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeard);
        if (connection.closed() || ended.get()) {
            return;
        }
        if (silentMs >= timeoutMs) {
            failed(new IllegalStateException("nothing heard for " + timeoutMs + " ms"));
            return;
        }
        CompletableFuture.delayedExecutor(timeoutMs - silentMs, TimeUnit.MILLISECONDS)
                .execute(() -> watchKeepAlive(timeoutMs));
    }

    /** Drops this connection unless its {@code connection_ack} arrives within {@link RealtimeConnection#ACK_WAIT}. */
    void awaitAcknowledgement() {
        expect("connection_ack", () -> acknowledged);
    }

    /**
     * Drops this connection unless {@code arrived} holds {@link RealtimeConnection#ACK_WAIT} from now (the connection
     * ended or closed meanwhile: nothing to drop).
     */
    void expect(String what, BooleanSupplier arrived) {
        CompletableFuture.delayedExecutor(RealtimeConnection.ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!arrived.getAsBoolean() && !connection.closed() && !ended.get()) {
                failed(new IllegalStateException("no " + what + " within " + RealtimeConnection.ACK_WAIT));
            }
        });
    }

    /** This connection is over: the first call reconnects, later ones (abort, then onError) do nothing. */
    void ended(Throwable why) {
        if (ended.compareAndSet(false, true)) {
            connection.broken(why);
        }
    }

    @Override
    public @Nullable CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        ended(new IllegalStateException("closed " + status + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        ended(error);
    }
}
