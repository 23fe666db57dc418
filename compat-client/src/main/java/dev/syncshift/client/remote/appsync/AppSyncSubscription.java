package dev.syncshift.client.remote.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.client.spi.DatasetChangeListener;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.InvalidParameterException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code onDatasetChanged} subscription over AppSync's real-time WebSocket ({@code graphql-ws}): the connection
 * is authorized by the SigV4 headers of {@code POST <graphql>/connect} with body {@code {}} (base64 in the
 * {@code header} query parameter), the {@code start} message by those of a POST of its {@code data}. Each
 * {@code data} message tells the listener. When the connection breaks it reconnects with exponential backoff
 * (100 ms doubling to 10 s), subscribes again, and then tells the listener once, so that it catches up on what it
 * missed with a delta pull. A connection whose subscription is not acknowledged within ten seconds is dropped and
 * made again (a lost message or a half-open connection would otherwise leave it waiting for ever); when that
 * happens to the first one, {@link #open} has returned by then, and the first acknowledgement tells the listener
 * too (changes made since the caller subscribed are caught up). A connection that goes silent, not even a
 * keep-alive, for the {@code connectionTimeoutMs} its {@code connection_ack} announced is dropped and made again
 * the same way (a network change leaves connections half-open). The JDK client
 * refuses a send while another is pending (the refused send's future fails; nothing is thrown), so every send
 * waits for the one before it on the same connection (a send stuck on a dead one cannot hold up the next). No
 * thread of its own: the JDK client's threads, and a delayed executor for backoff and the acknowledgement's
 * deadline.
 */
final class AppSyncSubscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppSyncSubscription.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final String ID = "1";
    /**
     * How long a connection may go without the subscription's acknowledgement before it is dropped and made again;
     * also how long {@link #open} waits for the first one.
     */
    private static final Duration ACK_WAIT = Duration.ofSeconds(10);
    /** The silence after which a connection counts as dead when the service's ack names no timeout (AppSync's). */
    private static final long DEFAULT_TIMEOUT_MS = 300_000;

    private final GraphQlCall call;
    private final URI realtime;
    private final IdentityId identity;
    /** The dataset listened to, or null for every dataset of the identity. */
    private final @Nullable DatasetName dataset;
    /** What the logs call this subscription. */
    private final String key;
    private final DatasetChangeListener listener;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile boolean closed;
    private volatile @Nullable WebSocket socket;
    private volatile Duration backoff = FIRST_BACKOFF;
    private volatile boolean reconnecting;
    /** Whether the last connection was refused for its signature, which a wrong device clock causes. */
    private volatile boolean signatureRefused;
    /**
     * Whether {@link #open} has returned: the caller counts on the subscription from then on, so every
     * acknowledgement after that (a reconnect, or a first connection dropped unacknowledged) tells the listener, to
     * catch up on what nobody heard meanwhile.
     */
    private volatile boolean returned;
    /** The last send on {@link #sendingOn}: the next one there starts when it ends, whether it succeeded or not. */
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    /** The connection of {@link #lastSend}; a new connection starts a chain of its own. */
    private @Nullable WebSocket sendingOn;

    private AppSyncSubscription(GraphQlCall call, URI realtime, IdentityId identity, @Nullable DatasetName dataset,
            DatasetChangeListener listener) {
        this.call = call;
        this.realtime = realtime;
        this.identity = identity;
        this.dataset = dataset;
        this.key = identity.value() + "/" + (dataset == null ? "*" : dataset.value());
        this.listener = listener;
    }

    /**
     * Connects and subscribes; returns once the subscription is acknowledged, the first attempt failed (it is retried
     * with backoff), or ten seconds passed.
     */
    static AppSyncSubscription open(GraphQlCall call, URI realtime, IdentityId identity, @Nullable DatasetName dataset,
            DatasetChangeListener listener) {
        AppSyncSubscription subscription = new AppSyncSubscription(call, realtime, identity, dataset, listener);
        subscription.connect().completeOnTimeout(null, ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        subscription.returned = true;
        return subscription;
    }

    private CompletableFuture<Void> connect() {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        String connect = json(call.signedHeaders(URI.create(call.endpoint() + "/connect"), "{}"));
        String header = Base64.getEncoder().encodeToString(connect.getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(realtime + "?header=" + header + "&payload=e30=");
        Listener listener = new Listener(acknowledged);
        http.newWebSocketBuilder().subprotocols("graphql-ws").connectTimeout(ACK_WAIT).buildAsync(uri, listener)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        listener.ended(failure);
                        return;
                    }
                    socket = ws;
                    send(ws, json(Map.of("type", "connection_init")));
                    CompletableFuture.delayedExecutor(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                            .execute(() -> listener.unacknowledgedAfterDeadline(ws));
                });
        return acknowledged;
    }

    private void send(WebSocket ws, String text) {
        chain(ws, () -> ws.sendText(text, true));
    }

    private synchronized void chain(WebSocket ws, Supplier<CompletableFuture<WebSocket>> send) {
        CompletableFuture<?> before = ws == sendingOn ? lastSend : CompletableFuture.completedFuture(null);
        sendingOn = ws;
        lastSend = before.handle((result, failure) -> null).thenCompose(x -> send.get()).whenComplete(
                (sent, failure) -> {
                    if (failure != null) {
                        LOG.debug("a real-time send for {} failed: {}", key, failure.toString());
                    }
                });
    }

    private void start(WebSocket ws) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("identityId", identity.value());
        if (dataset != null) {
            variables.put("datasetName", dataset.value());
        }
        String data = GraphQlCall.body(AppSyncOperations.ON_DATASET_CHANGED, variables);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("data", data);
        payload.put("extensions", Map.of("authorization", call.signedHeaders(call.endpoint(), data)));
        send(ws, json(Map.of("id", ID, "type", "start", "payload", payload)));
    }

    private void broken(Throwable why) {
        if (closed || reconnecting) {
            return;
        }
        reconnecting = true;
        Duration wait = backoff;
        backoff = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
        LOG.debug("subscription to {} broke ({}); reconnecting in {}", key, why.toString(), wait);
        CompletableFuture.runAsync(() -> {
            reconnecting = false;
            if (!closed) {
                reconnect();
            }
        }, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Connects again; a failure before the socket exists (signing: credentials) is retried like a broken one. */
    private void reconnect() {
        try {
            if (signatureRefused) {
                signatureRefused = false;
                call.checkTime();
            }
            connect();
        } catch (RuntimeException e) {
            broken(e);
        }
    }

    /** A {@code data} message: the dataset it names changed (an identity-wide subscription learns which from it). */
    private void changed(JsonNode message) {
        DatasetName changed = dataset;
        if (changed == null) {
            try {
                changed = new DatasetName(message.path("payload").path("data").path("onDatasetChanged")
                        .path("datasetName").asText(""));
            } catch (InvalidParameterException unnamed) {
                catchUp();
                return;
            }
        }
        listener.datasetChanged(new DatasetKey(identity, changed));
    }

    /** Changes may have been missed while nobody listened: the dataset, or every dataset of the identity. */
    private void catchUp() {
        if (dataset != null) {
            listener.datasetChanged(new DatasetKey(identity, dataset));
        } else {
            listener.changesMayBeMissed(identity);
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            send(ws, json(Map.of("id", ID, "type", "stop")));
            chain(ws, () -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "unsubscribed"));
        }
    }

    private static String json(Object value) {
        try {
            return GraphQlCall.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a real-time message", e);
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> acknowledged;
        private volatile boolean started;
        private volatile long lastHeard = System.nanoTime();
        private final AtomicBoolean ended = new AtomicBoolean();

        Listener(CompletableFuture<Void> acknowledged) {
            this.acknowledged = acknowledged;
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket ws, CharSequence text, boolean last) {
            partial.append(text);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                handle(ws, message);
            }
            ws.request(1);
            return null;
        }

        private void handle(WebSocket ws, String text) {
            lastHeard = System.nanoTime();
            JsonNode message;
            try {
                message = GraphQlCall.JSON.readTree(text);
            } catch (IOException e) {
                LOG.warn("unreadable real-time message for {}", key);
                return;
            }
            switch (message.path("type").asText()) {
                case "connection_ack" -> {
                    watchKeepAlive(ws, message.path("payload").path("connectionTimeoutMs").asLong(DEFAULT_TIMEOUT_MS));
                    start(ws);
                }
                case "start_ack" -> acknowledgedStart();
                case "data" -> changed(message);
                case "error", "connection_error" -> refused(ws, message);
                default -> {
                    // ka and complete need no action
                }
            }
        }

        private void acknowledgedStart() {
            boolean catchUp = returned;
            LOG.debug("subscription to {} acknowledged{}", key, catchUp ? ": catching up" : "");
            started = true;
            backoff = FIRST_BACKOFF;
            acknowledged.complete(null);
            if (catchUp) {
                catchUp();
            }
        }

        private void refused(WebSocket ws, JsonNode message) {
            LOG.warn("real-time subscription to {} refused: {}", key, message.path("payload"));
            String why = message.path("payload").toString();
            signatureRefused = AppSyncErrors.signatureRefused(why);
            if (AppSyncErrors.credentialsRefused(why)) {
                // Credentials refused before their expiry on the device's clock: a synchronize renews them.
                catchUp();
            }
            ws.abort();
            ended(new IllegalStateException("refused"));
        }

        /**
         * Ends the connection when nothing (not even a {@code ka}) arrived for {@code timeoutMs}, the time the
         * service's {@code connection_ack} announced: a connection that went half-open (a network change, a sleeping
         * device) would otherwise look alive for ever while it delivers nothing.
         */
        private void watchKeepAlive(WebSocket ws, long timeoutMs) {
            long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeard);
            if (closed || ended.get()) {
                return;
            }
            if (silentMs >= timeoutMs) {
                ws.abort();
                ended(new IllegalStateException("nothing heard for " + timeoutMs + " ms"));
                return;
            }
            CompletableFuture.delayedExecutor(timeoutMs - silentMs, TimeUnit.MILLISECONDS)
                    .execute(() -> watchKeepAlive(ws, timeoutMs));
        }

        void unacknowledgedAfterDeadline(WebSocket ws) {
            if (!started && !closed && !ended.get()) {
                ws.abort();
                ended(new IllegalStateException("no acknowledgement within " + ACK_WAIT));
            }
        }

        /** This connection is over: the first call reconnects, later ones (abort, then onError) do nothing. */
        void ended(Throwable why) {
            acknowledged.complete(null);
            if (ended.compareAndSet(false, true)) {
                broken(why);
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
}
