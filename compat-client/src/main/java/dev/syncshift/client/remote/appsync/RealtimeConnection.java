package dev.syncshift.client.remote.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.client.remote.Backoff;
import dev.syncshift.client.remote.Outage;
import dev.syncshift.client.remote.SdkProxy;
import dev.syncshift.client.spi.DatasetChangeListener;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.InvalidParameterException;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One identity's real-time WebSocket to AppSync ({@code graphql-ws}), carrying every {@code onDatasetChanged}
 * subscription the device holds for that identity, each a {@code start} with an id of its own (AppSync bills
 * connection minutes, so one connection serves them all). The connection is authorized by the SigV4 headers of
 * {@code POST <graphql>/connect} with body {@code {}} (base64 in the {@code header} query parameter), each
 * {@code start} by those of a POST of its {@code data}. A {@code data} message tells the listener of the
 * subscription its id names. When the connection breaks it reconnects with {@link Backoff} (100 ms doubling to
 * 10 s), starts every subscription again, and tells each listener once, so that it catches up on what it missed with
 * a delta pull (a dataset subscription whose listener has an identity-wide one that caught up first is covered by
 * that catch-up). A connection not acknowledged ({@code connection_ack}) within ten seconds, or a subscription on it
 * not acknowledged ({@code start_ack}) within ten seconds of its {@code start}, is dropped and made again (a lost
 * message or a half-open connection would otherwise leave it waiting for ever); {@link #await} returns by then, and
 * the subscription's first acknowledgement tells its listener too. A connection that goes silent, not even a
 * keep-alive, for the {@code connectionTimeoutMs} its {@code connection_ack} announced is dropped and made again the
 * same way (a network change leaves connections half-open); each connection's messages, deadlines and end are a
 * {@link RealtimeSocket}'s. The JDK client refuses a send while another is pending (the refused send's future fails;
 * nothing is thrown), so every send waits for the one before it on the same connection (a send stuck on a dead one
 * cannot hold up the next). No thread of its own: the JDK client's threads, and a delayed executor for backoff and the
 * deadlines. Subscriptions are added and removed under the owner's lock
 * ({@link AppSyncRemoteStore}); once the last is removed the connection closes for good.
 * A break is logged at DEBUG alone (it is part of a connection's life); the reconnects that fail after it, and every
 * refusal of the connection by the service (its signature, its credentials), the first included, tell an
 * {@link Outage}: a warning at the first (naming the proxy's 407 when that is why), DEBUG at those that follow, and an
 * INFO line at the acknowledgement that ends them, or at the removal of the last subscription, which stops them. An
 * {@code error} naming one subscription refuses that subscription alone, as AppSync means it: the connection and the
 * other subscriptions on it carry on, and its {@code start} is sent again on the same connection after a backoff of
 * its own, which their acknowledgements do not reset (were the connection made again, each acknowledgement of another
 * would end the outage and the next refusal begin one, every 100 ms); its refusals are an outage of their own.
 */
final class RealtimeConnection {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeConnection.class);
    /**
     * How long a connection may go without its {@code connection_ack}, and a subscription without its
     * {@code start_ack}, before the connection is dropped and made again; also how long {@link #await} waits.
     */
    static final Duration ACK_WAIT = Duration.ofSeconds(10);

    private final GraphQlCall call;
    private final URI realtime;
    private final IdentityId identity;
    /** The subscriptions by their {@code start} id. */
    private final Map<String, RealtimeSubscription> subscriptions = new ConcurrentHashMap<>();
    private int lastId;
    private volatile boolean closed;
    /** Whether the first connection was asked for; later ones are made by {@link #broken}. */
    private boolean connecting;
    /** The newest connection, once it is open. */
    private volatile @Nullable RealtimeSocket current;
    private volatile Backoff backoff = Backoff.NONE;
    private volatile boolean reconnecting;
    /** Whether the last connection was refused for its signature, which a wrong device clock causes. */
    private volatile boolean signatureRefused;
    /** The attempts (refused first one, reconnects) that failed since the last acknowledgement: one warning. */
    private final Outage outage;
    /** The last send on {@link #sendingOn}: the next one there starts when it ends, whether it succeeded or not. */
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    /** The connection of {@link #lastSend}; a new connection starts a chain of its own. */
    private @Nullable WebSocket sendingOn;

    RealtimeConnection(GraphQlCall call, URI realtime, IdentityId identity) {
        this.call = call;
        this.realtime = realtime;
        this.identity = identity;
        this.outage = new Outage(LOG, "opening the real-time connection for " + identity); // the first one, or again
    }

    /**
     * Adds a subscription to {@code dataset} (null: every dataset of the identity) and starts it: at once on an
     * acknowledged connection, else when the connection is. Call {@link #await} next, outside the owner's lock.
     */
    synchronized RealtimeSubscription add(@Nullable DatasetName dataset, DatasetChangeListener listener) {
        if (closed) {
            throw new IllegalStateException("This real-time connection is closed; its owner makes a new one");
        }
        RealtimeSubscription subscription =
                new RealtimeSubscription(Integer.toString(++lastId), dataset, listener, identity);
        subscriptions.put(subscription.id, subscription);
        RealtimeSocket open = current;
        if (open != null && open.usable()) {
            start(open, subscription);
        } else if (!connecting) {
            try {
                connect();
            } catch (RuntimeException e) {
                subscriptions.remove(subscription.id); // signing the connection needs credentials: the caller's error
                throw e;
            }
            connecting = true;
        }
        return subscription;
    }

    /**
     * Waits until {@code subscription} is acknowledged, its connection attempt failed (it is retried with backoff) or
     * ten seconds passed; from then on every acknowledgement of it tells its listener to catch up.
     */
    static void await(RealtimeSubscription subscription) {
        subscription.firstAttempt.completeOnTimeout(null, ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        subscription.returned = true;
    }

    /** Whether no subscription is on the connection. */
    boolean idle() {
        return subscriptions.isEmpty();
    }

    /**
     * Stops {@code subscription}; the last one closes the connection for good.
     *
     * @return whether the connection is closed now
     */
    synchronized boolean remove(RealtimeSubscription subscription) {
        if (subscriptions.remove(subscription.id) == null) {
            return closed;
        }
        subscription.abandoned();
        RealtimeSocket open = current;
        if (open != null && subscription.startedOn == open) {
            send(open.ws(), json(Map.of("id", subscription.id, "type", "stop")));
        }
        if (subscriptions.isEmpty()) {
            closed = true;
            outage.abandoned("its last subscription ended");
            if (open != null) {
                WebSocket ws = open.ws();
                chain(ws, () -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "unsubscribed"));
            }
        }
        return closed;
    }

    private void connect() {
        String connect = json(call.signedHeaders(URI.create(call.endpoint() + "/connect"), "{}"));
        String header = Base64.getEncoder().encodeToString(connect.getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(realtime + "?header=" + header + "&payload=e30=");
        RealtimeSocket listener = new RealtimeSocket(this);
        WebSocket.Builder builder = call.http().newWebSocketBuilder().subprotocols("graphql-ws")
                .connectTimeout(ACK_WAIT);
        String proxyAuthorization = call.proxyAuthorization(uri);
        if (proxyAuthorization != null) {
            builder.header(SdkProxy.PROXY_AUTHORIZATION, proxyAuthorization);
        }
        builder.buildAsync(uri, listener)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        listener.ended(failure);
                        return;
                    }
                    if (!opened(listener, ws)) {
                        ws.abort(); // the last subscription was removed while it connected
                        return;
                    }
                    send(ws, json(Map.of("type", "connection_init")));
                    listener.awaitAcknowledgement();
                });
    }

    /** Makes {@code listener}'s connection the current one, unless the connection was closed meanwhile. */
    private synchronized boolean opened(RealtimeSocket listener, WebSocket ws) {
        if (closed) {
            return false;
        }
        listener.opened(ws);
        current = listener;
        return true;
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
                        LOG.debug("a real-time send for {} failed: {}", identity, failure.toString());
                    }
                });
    }

    /** Sends {@code subscription}'s {@code start} on the connection, once per connection. */
    private synchronized void start(RealtimeSocket on, RealtimeSubscription subscription) {
        if (subscription.startedOn == on) {
            return;
        }
        subscription.startedOn = on;
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("identityId", identity.value());
        if (subscription.dataset != null) {
            variables.put("datasetName", subscription.dataset.value());
        }
        String data = GraphQlCall.body(AppSyncOperations.ON_DATASET_CHANGED, variables);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("data", data);
        try {
            payload.put("extensions", Map.of("authorization", call.signedHeaders(call.endpoint(), data)));
        } catch (RuntimeException e) {
            on.failed(e); // signing needs credentials: retried like a broken connection
            return;
        }
        Object attempt = new Object();
        subscription.unanswered = attempt;
        send(on.ws(), json(Map.of("id", subscription.id, "type", "start", "payload", payload)));
        on.expect("start_ack for subscription " + subscription.id,
                () -> subscription.unanswered != attempt || !subscriptions.containsKey(subscription.id));
    }

    /** Starts every subscription, the identity-wide ones first: their catch-up then covers the others' (coveredOn). */
    synchronized void startAll(RealtimeSocket on) {
        identityWideFirst().forEach(subscription -> start(on, subscription));
    }

    private List<RealtimeSubscription> identityWideFirst() {
        return subscriptions.values().stream().sorted(Comparator.comparing(s -> s.dataset != null)).toList();
    }

    /** A connection ended ({@code why}): reconnects after the backoff, unless closed or already reconnecting. */
    void broken(Throwable why) {
        subscriptions.values().forEach(subscription -> subscription.firstAttempt.complete(null));
        if (closed || reconnecting) {
            return;
        }
        reconnecting = true;
        // An acknowledgement resets the backoff: a connection that ends after it broke, unless the service refused it.
        boolean failed = !backoff.equals(Backoff.NONE) || why instanceof Refusal;
        backoff = backoff.next();
        Duration wait = backoff.delay();
        if (failed) {
            outage.failed(reason(why), wait);
        } else {
            // A break is part of a connection's life (a network change, the service's deploys): no warning.
            LOG.debug("real-time connection for {} broke ({}); reconnecting in {}", identity, why.toString(), wait);
        }
        CompletableFuture.runAsync(() -> {
            reconnecting = false;
            if (!closed) {
                reconnect();
            }
        }, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** What the log says of {@code why}: the service's refusal as it came, what a proxy's 407 means. */
    private static String reason(Throwable why) {
        if (why instanceof Refusal refusal) {
            return refusal.reason;
        }
        return proxyRefused(why) ? AppSyncErrors.PROXY_REFUSED : why.toString();
    }

    /** Whether {@code why} is the proxy's 407 to the WebSocket's tunnel. */
    private static boolean proxyRefused(Throwable why) {
        for (Throwable cause = why; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode() == AppSyncErrors.PROXY_AUTHENTICATION_REQUIRED;
            }
        }
        return false;
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

    IdentityId identity() {
        return identity;
    }

    /** Whether the last subscription was removed: the connection is closed for good. */
    boolean closed() {
        return closed;
    }

    /** A {@code start_ack} on connection {@code on} for the subscription {@code id} names, if it is still there. */
    void startAcknowledged(RealtimeSocket on, String id) {
        RealtimeSubscription subscription = subscriptions.get(id);
        if (subscription == null) {
            return; // removed meanwhile
        }
        boolean catchUp = subscription.returned;
        LOG.debug("subscription {} of {} acknowledged{}", subscription.id, identity, catchUp ? ": catching up" : "");
        subscription.acknowledged();
        backoff = Backoff.NONE;
        outage.succeeded();
        subscription.firstAttempt.complete(null);
        if (catchUp) {
            catchUp(on, subscription);
        }
    }

    /**
     * An {@code error}: the refusal of the {@code start} its id names, which leaves the connection and the other
     * subscriptions on it as they are, or without an id, of the connection.
     */
    void errored(RealtimeSocket on, String id, JsonNode message) {
        if (id.isEmpty()) {
            refused(on, message);
            return;
        }
        RealtimeSubscription subscription = subscriptions.get(id);
        if (subscription != null) {
            startRefused(on, subscription, message.path("payload").toString());
        }
    }

    /**
     * The service refused {@code subscription}'s {@code start} on {@code on}: it is sent again there after its own
     * backoff (an acknowledgement of another subscription does not reset it), an outage of the subscription.
     */
    private void startRefused(RealtimeSocket on, RealtimeSubscription subscription, String why) {
        if (!answered(on, subscription)) {
            return; // an answer to a start on an earlier connection
        }
        subscription.firstAttempt.complete(null);
        boolean checkTime = AppSyncErrors.signatureRefused(why);
        if (AppSyncErrors.credentialsRefused(why)) {
            catchUp(on, subscription); // a synchronize renews the credentials the next start is signed with
        }
        Duration wait = subscription.refused(why);
        CompletableFuture.runAsync(() -> startAgain(subscription, checkTime),
                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Whether {@code subscription}'s start was sent on {@code on}; if so, it is no longer started (it was refused). */
    private synchronized boolean answered(RealtimeSocket on, RealtimeSubscription subscription) {
        if (subscription.startedOn != on) {
            return false;
        }
        subscription.startedOn = null;
        subscription.unanswered = null;
        return true;
    }

    /**
     * Sends a refused {@code subscription}'s {@code start} again on the current connection, unless it was removed or
     * the connection ended meanwhile (the next connection starts it).
     */
    private void startAgain(RealtimeSubscription subscription, boolean checkTime) {
        if (checkTime) {
            try {
                call.checkTime();
            } catch (RuntimeException e) {
                LOG.debug("asking AppSync's time for {} failed: {}", identity, e.toString());
            }
        }
        synchronized (this) {
            RealtimeSocket open = current;
            if (subscriptions.containsKey(subscription.id) && subscription.startedOn == null && open != null
                    && open.usable()) {
                start(open, subscription);
            }
        }
    }

    /** A refusal of connection {@code on} is an outage from the first: told by {@link #outage}, as the reconnects. */
    void refused(RealtimeSocket on, JsonNode message) {
        String why = message.path("payload").toString();
        signatureRefused = AppSyncErrors.signatureRefused(why);
        if (AppSyncErrors.credentialsRefused(why)) {
            // Credentials refused before their expiry on the device's clock: a synchronize renews them.
            identityWideFirst().forEach(subscription -> catchUp(on, subscription));
        }
        on.failed(new Refusal(why));
    }

    /**
     * A {@code data} message: the dataset it names changed (an identity-wide subscription learns which from it), or
     * was deleted, to the count it gives.
     */
    void changed(RealtimeSocket on, String id, JsonNode message) {
        RealtimeSubscription subscription = subscriptions.get(id);
        if (subscription == null) {
            return;
        }
        JsonNode change = message.path("payload").path("data").path("onDatasetChanged");
        DatasetName changed = subscription.dataset;
        if (changed == null) {
            try {
                changed = new DatasetName(change.path("datasetName").asText(""));
            } catch (InvalidParameterException unnamed) {
                catchUp(on, subscription);
                return;
            }
        }
        DatasetKey key = new DatasetKey(identity, changed);
        JsonNode count = change.path("datasetSyncCount");
        JsonNode deleted = change.path("deleted");
        if (!count.isIntegralNumber() || !count.canConvertToLong() || !deleted.isBoolean()) {
            subscription.listener.datasetChanged(key);
        } else if (deleted.asBoolean()) {
            subscription.listener.datasetDeletedAt(key, count.asLong());
        } else {
            subscription.listener.datasetChangedTo(key, count.asLong());
        }
    }

    /**
     * Changes may have been missed while nobody listened on connection {@code on}: every dataset of the identity, or
     * the subscription's dataset unless an identity-wide catch-up on the same connection covers it.
     */
    private void catchUp(RealtimeSocket on, RealtimeSubscription subscription) {
        if (subscription.dataset == null) {
            subscription.caughtUpOn = on;
            subscription.listener.changesMayBeMissed(identity);
        } else if (!coveredOn(on, subscription)) {
            subscription.listener.datasetChanged(new DatasetKey(identity, subscription.dataset));
        }
    }

    /**
     * Whether an identity-wide subscription with the same listener has caught up on connection {@code on}, which
     * covers the dataset's. It was started first, so its acknowledgement comes first as a rule; when it does not, the
     * dataset catches up on its own (a pull that listing may repeat).
     */
    private boolean coveredOn(RealtimeSocket on, RealtimeSubscription dataset) {
        return subscriptions.values().stream().anyMatch(all -> all.dataset == null && all.listener == dataset.listener
                && all.caughtUpOn == on);
    }

    private static String json(Object value) {
        try {
            return GraphQlCall.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a real-time message", e);
        }
    }

    /** The service refused the connection ({@code connection_error}, or an {@code error} naming no subscription). */
    private static final class Refusal extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Refusal(String payload) {
            super("refused: " + payload);
            this.reason = "refused: " + payload;
        }
    }
}
