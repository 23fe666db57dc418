package dev.syncshift.client.remote.appsync;

import dev.syncshift.client.remote.Backoff;
import dev.syncshift.client.remote.Outage;
import dev.syncshift.client.spi.DatasetChangeListener;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * One {@code onDatasetChanged} subscription on a {@link RealtimeConnection}: its {@code start} id, dataset and
 * listener, the connection its {@code start} went on, and the refusals of that {@code start}, each sent again after
 * the subscription's own {@link Backoff} and told as one {@link Outage} of the subscription.
 */
final class RealtimeSubscription {

    final String id;
    final @Nullable DatasetName dataset;
    final DatasetChangeListener listener;
    /** Completed by the first acknowledgement or refusal, or by the end of a connection that brought neither. */
    final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
    /**
     * Whether {@link RealtimeConnection#await} has returned: the caller counts on the subscription from then on, so
     * every acknowledgement after that (a reconnect, a start sent again after a refusal, or a first connection dropped
     * unacknowledged) tells the listener, to catch up on what nobody heard meanwhile.
     */
    volatile boolean returned;
    /** The connection its {@code start} was sent on; null once the service refused that start. */
    volatile @Nullable RealtimeSocket startedOn;
    /** Its last {@code start}, until the service answers it. */
    volatile @Nullable Object unanswered;
    /** The connection on which an identity-wide subscription last caught up. */
    volatile @Nullable RealtimeSocket caughtUpOn;
    /** The wait before its {@code start} is sent again after a refusal; an acknowledgement of another keeps it. */
    private volatile Backoff backoff = Backoff.NONE;
    private final Outage outage;

    RealtimeSubscription(String id, @Nullable DatasetName dataset, DatasetChangeListener listener,
            IdentityId identity) {
        this.id = id;
        this.dataset = dataset;
        this.listener = listener;
        this.outage = new Outage(LoggerFactory.getLogger(RealtimeConnection.class), "starting the subscription to "
                + (dataset == null ? "every dataset" : "dataset " + dataset.value()) + " of " + identity);
    }

    /** The service refused its {@code start} for {@code why}: the wait before it is sent again. */
    Duration refused(String why) {
        backoff = backoff.next();
        outage.failed("refused: " + why, backoff.delay());
        return backoff.delay();
    }

    /** The service acknowledged its {@code start}: the end of its refusals, if there were any. */
    void acknowledged() {
        unanswered = null;
        backoff = Backoff.NONE;
        outage.succeeded();
    }

    /** It was removed: no more {@code start}s are sent. */
    void abandoned() {
        outage.abandoned("it was unsubscribed");
    }
}
