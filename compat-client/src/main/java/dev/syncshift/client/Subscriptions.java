package dev.syncshift.client;

import dev.syncshift.client.remote.Backoff;
import dev.syncshift.client.remote.Outage;
import dev.syncshift.client.spi.DatasetChangeListener;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager's subscriptions ({@link Dataset#subscribe}, {@link CognitoSyncManager#subscribeAll}): each listens to one
 * identity's dataset, or to all of them, through one remote subscription per dataset (and one for all) however many
 * callbacks subscribed, and a change it hears of queues one synchronize of that dataset, reported to every
 * subscription listening to it. After a break, or after a login moved them to another identity, they catch up.
 * Thread-safe.
 */
final class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    /** The key of {@code subscribeAll}'s subscription: no dataset name has a {@code *}. */
    static final String ALL_DATASETS = "*";
    /** The count a catch-up synchronizes up to: whatever the service has, so it always runs. */
    private static final long CATCH_UP = Long.MAX_VALUE;
    /** No count: no change, or no deletion, was told of. */
    private static final long NONE = 0;

    private final CognitoSyncManager manager;
    private final RemoteStore remote;
    private final LocalCache cache;
    private final SyncQueue queue;
    private final Executor executor;
    /**
     * Subscriptions by dataset name ({@link #ALL_DATASETS} for {@code subscribeAll}), each listening to the identity
     * it was opened for.
     */
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /**
     * Per dataset, the highest count told of that a subscriptions' synchronize has run for: it ran after the service
     * reached that count, so a notice up to it (the same change or deletion told of by another subscription) is done.
     */
    private final Map<DatasetKey, Long> synchronizedFor = new ConcurrentHashMap<>();
    /**
     * Every subscription's listener: a change (or a catch-up after a reconnect) queues a synchronize of that dataset
     * for the subscriptions listening to it; an identity-wide catch-up, of each dataset that moved (catchUpAll).
     */
    private final DatasetChangeListener noticed = new DatasetChangeListener() {
        @Override
        public void datasetChanged(DatasetKey key) {
            synchronizeForSubscriptions(key, CATCH_UP, NONE);
        }

        @Override
        public void datasetChangedTo(DatasetKey key, long syncCount) {
            synchronizeForSubscriptions(key, syncCount, NONE);
        }

        @Override
        public void datasetDeletedAt(DatasetKey key, long syncCount) {
            synchronizeForSubscriptions(key, NONE, syncCount);
        }

        @Override
        public void changesMayBeMissed(IdentityId identity) {
            try {
                executor.execute(() -> catchUpAll(identity));
            } catch (RejectedExecutionException closed) {
                LOG.debug("the executor refused the catch-up of {}", identity);
            }
        }
    };

    Subscriptions(CognitoSyncManager manager, RemoteStore remote, LocalCache cache, SyncQueue queue,
            Executor executor) {
        this.manager = manager;
        this.remote = remote;
        this.cache = cache;
        this.queue = queue;
        this.executor = executor;
    }

    /**
     * Subscribes {@code callback} to dataset {@code name} of {@code identity} ({@link #ALL_DATASETS}: to every dataset,
     * and {@code dataset} is null), beside the earlier subscriptions of that name, with which it shares the remote
     * subscription (the first opens it; a callback already subscribed stays as it is). Returns once the service
     * acknowledged the remote subscription, or ten seconds passed. A login that switched the identity while it was
     * being opened (a {@link #moveTo} that did not see it yet) moves it too.
     */
    void add(String name, IdentityId identity, @Nullable DefaultDataset dataset, SyncCallback callback) {
        Subscription added = subscriptions.compute(name, (n, existing) -> existing != null ? existing.with(callback)
                : new Subscription(identity, dataset, List.of(callback), open(identity, dataset)));
        IdentityId now = manager.localIdentity();
        if (now.equals(LocalCache.UNKNOWN_IDENTITY)) {
            remove(name); // a wipe came meanwhile and did not see this one: it ended the user's subscriptions
        } else if (!added.identity().equals(now)) {
            move(name, now);
        }
    }

    private AutoCloseable open(IdentityId identity, @Nullable DefaultDataset dataset) {
        return dataset != null
                ? remote.subscribe(new DatasetKey(identity, new DatasetName(dataset.getDatasetName())), noticed)
                : remote.subscribeAll(identity, noticed);
    }

    /**
     * Queues a synchronize of dataset {@code key} for its subscriptions, to reach {@code upTo} (a change's count) or
     * to learn of the deletion counted {@code deletedAt}.
     */
    private void synchronizeForSubscriptions(DatasetKey key, long upTo, long deletedAt) {
        queue.submit(key.datasetName().value(), new SubscriptionSync(key, upTo, deletedAt));
    }

    /**
     * After a break in the identity-wide subscription: one listing of the identity's datasets says which moved on the
     * service. Those are synchronized (the ones created meanwhile included, opened locally), local ones the service
     * no longer lists catch up (a deletion), and the rest cost nothing. When the listing fails, every local dataset
     * catches up. A notice for an identity the device has left is passed over: its moved subscription catches up.
     */
    private void catchUpAll(IdentityId identity) {
        if (!identity.equals(manager.localIdentity())) {
            return;
        }
        Map<DatasetName, Long> counts = new HashMap<>();
        try {
            remote.listDatasets(identity).forEach(d -> counts.put(d.key().datasetName(), d.syncCount().value()));
            manager.reachedService(); // the service is back: what waits for connectivity may run
        } catch (RuntimeException e) {
            LOG.debug("listing the datasets to catch up failed ({}); synchronizing every local one", e.toString());
            counts.clear();
        }
        cache.datasets(identity).forEach(local -> counts.putIfAbsent(local.key().datasetName(), CATCH_UP));
        counts.forEach((name, count) -> synchronizeForSubscriptions(new DatasetKey(identity, name), count, NONE));
    }

    /** The subscriptions that hear of dataset {@code name}: its own, then {@code subscribeAll}'s. */
    private List<Subscription> listeningTo(DatasetName name) {
        List<Subscription> listening = new ArrayList<>(2);
        Subscription own = subscriptions.get(name.value());
        if (own != null) {
            listening.add(own);
        }
        Subscription all = subscriptions.get(ALL_DATASETS);
        if (all != null) {
            listening.add(all);
        }
        return listening;
    }

    /**
     * After a login switched the identity, each subscription listens to its dataset of the new identity instead
     * (the app's handles now name those), and synchronizes once to catch up. On the executor: opening waits for
     * the service's acknowledgement, and this runs where the identity is learned, inside a credentials refresh.
     */
    void moveTo(IdentityId to) {
        List.copyOf(subscriptions.keySet()).forEach(name -> move(name, to));
    }

    /** Moves subscription {@code name} to identity {@code to} on the executor, at once. */
    private void move(String name, IdentityId to) {
        move(name, to, Backoff.NONE, new Outage(LOG, "opening the subscription " + name + " for the identity " + to
                + ", which a login switched to,"));
    }

    /**
     * Moves subscription {@code name} to identity {@code to} on the executor, after {@code backoff}; {@code outage}
     * tells the log of the failed attempts of this move.
     */
    private void move(String name, IdentityId to, Backoff backoff, Outage outage) {
        try {
            backoff.after(executor).execute(() -> moveNow(name, to, backoff, outage));
        } catch (RejectedExecutionException closed) {
            LOG.debug("the executor refused to move the subscription to {}; it stays closed", name);
            outage.abandoned("the manager was closed");
            remove(name);
        }
    }

    /**
     * Opens subscription {@code name} for identity {@code to}, while the device has it, and catches up; tried again
     * with backoff when it cannot be opened (signing its connection needs the identity's credentials): a warning at
     * the first failure, debug lines while it fails again, and a line when it opens.
     */
    private void moveNow(String name, IdentityId to, Backoff waited, Outage outage) {
        if (!to.equals(manager.localIdentity())) {
            outage.abandoned("the device left that identity: a later login moves the subscription, or a wipe ended it");
            return;
        }
        AtomicBoolean reopened = new AtomicBoolean();
        AtomicReference<@Nullable RuntimeException> failed = new AtomicReference<>();
        Subscription moved = subscriptions.computeIfPresent(name, (n, old) -> {
            if (old.identity().equals(to)) {
                return old;
            }
            close(old.connection());
            try {
                Subscription reopening = new Subscription(to, old.dataset(), old.callbacks(), open(to, old.dataset()));
                reopened.set(true);
                return reopening;
            } catch (RuntimeException e) {
                failed.set(e);
                return new Subscription(old.identity(), old.dataset(), old.callbacks(), () -> { });
            }
        });
        RuntimeException failure = failed.get();
        if (failure != null) {
            Backoff next = waited.next();
            outage.failed(failure.toString(), next.delay());
            move(name, to, next, outage);
        } else if (moved == null) {
            outage.abandoned("the subscription was removed");
        } else if (reopened.get()) {
            outage.succeeded();
            catchUp(moved, to);
        }
    }

    /** Synchronizes what {@code subscription} may have missed: its dataset, or every local one. */
    private void catchUp(Subscription subscription, IdentityId identity) {
        DefaultDataset dataset = subscription.dataset();
        if (dataset != null) {
            noticed.datasetChanged(new DatasetKey(identity, new DatasetName(dataset.getDatasetName())));
        } else {
            noticed.changesMayBeMissed(identity);
        }
    }

    /** Ends every subscription. */
    void removeAll() {
        subscriptions.keySet().forEach(this::remove);
    }

    /** Ends the subscriptions {@code name} (every callback of the dataset, or of every dataset), if there are any. */
    void remove(String name) {
        Subscription subscription = subscriptions.remove(name);
        if (subscription != null) {
            close(subscription.connection());
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing a subscription failed", e);
        }
    }

    /**
     * The synchronize subscriptions queue for a dataset: one for every subscription listening to it (its own, then
     * {@code subscribeAll}'s), unless what it was told of is done by the time it runs: a change to {@code upTo} when
     * the device has pulled up to it (its own push, or a change one subscription told of before another), a change or
     * a deletion when a subscriptions' synchronize already ran for its count (the other notice of the same change;
     * a deletion leaves no local count to compare), or a deletion of a dataset the device has no local copy of (it
     * deleted the dataset itself: opening it would leave an empty one behind). {@link #CATCH_UP} always runs. A notice
     * that comes while one waits joins it with the higher counts.
     */
    private final class SubscriptionSync implements SyncQueue.Job {
        private final DatasetKey key;
        private final long upTo;
        private final long deletedAt;

        SubscriptionSync(DatasetKey key, long upTo, long deletedAt) {
            this.key = key;
            this.upTo = upTo;
            this.deletedAt = deletedAt;
        }

        @Override
        public void run() {
            DatasetName name = key.datasetName();
            List<Subscription> listening = listeningTo(name);
            if (listening.isEmpty()) {
                return; // nobody listens any more
            }
            if (upTo == NONE && cache.dataset(key).isEmpty()) {
                // A deletion alone, of a dataset the device has no copy of (its own deletion, synchronized): done.
                LOG.debug("dataset {} was deleted and the device has no copy of it", name);
                return;
            }
            DefaultDataset own = listening.get(0).dataset();
            DefaultDataset dataset = own != null ? own : manager.handle(name);
            long done = synchronizedFor.getOrDefault(key, NONE);
            if (deletedAt <= done && (upTo <= done || upTo <= dataset.getLastSyncCount())) {
                LOG.debug("dataset {} was synchronized for what a subscription told of ({}, deleted at {})", name,
                        upTo, deletedAt);
                return;
            }
            synchronizedFor.merge(key, Math.max(deletedAt, upTo == CATCH_UP ? NONE : upTo), Math::max);
            SyncCallback subscribers = new SubscribersCallback(callbacks(listening));
            // Reaching the service runs the synchronizes kept for connectivity, as an app's synchronize does.
            manager.runSynchronize(dataset, new ConnectivityWatch(subscribers, manager, null, true));
        }

        @Override
        public void refuse(DataStorageException reason) {
            callbacks(listeningTo(key.datasetName())).forEach(callback -> callback.onFailure(reason));
        }

        /** Joins a waiting subscriptions' synchronize (raising its count); an app's waiting one pulls anyway. */
        @Override
        public SyncQueue.Job joining(SyncQueue.Job waiting) {
            return waiting instanceof SubscriptionSync other
                    ? new SubscriptionSync(key, Math.max(upTo, other.upTo), Math.max(deletedAt, other.deletedAt))
                    : waiting;
        }
    }

    /** Every callback of {@code listening}, in order: the first decides. */
    private static List<SyncCallback> callbacks(List<Subscription> listening) {
        return listening.stream().flatMap(subscription -> subscription.callbacks().stream()).toList();
    }

    /**
     * The subscriptions of one name: the identity they listen to, their dataset handle (null for every dataset), the
     * callback of each, in the order they subscribed, and the remote subscription they share.
     */
    private record Subscription(IdentityId identity, @Nullable DefaultDataset dataset, List<SyncCallback> callbacks,
            AutoCloseable connection) {

        /** These and {@code callback}, unless it is one of them already. */
        Subscription with(SyncCallback callback) {
            if (callbacks.contains(callback)) {
                return this;
            }
            List<SyncCallback> more = new ArrayList<>(callbacks);
            more.add(callback);
            return new Subscription(identity, dataset, List.copyOf(more), connection);
        }
    }
}
