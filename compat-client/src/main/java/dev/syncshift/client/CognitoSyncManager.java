package dev.syncshift.client;

import static dev.syncshift.client.Arguments.notNull;

import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials.Source;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.client.sync.SyncEngine;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point, with the name and methods of AWS's Cognito Sync client: opens datasets of the device's Cognito
 * identity, kept in a local cache and synchronized with the backend the flag {@code syncshift.backend} selects
 * ({@link Backend}). Build one with {@link #builder()}, share it, and {@link #close()} it at exit. Thread-safe. It owns
 * no static state: two managers (two identity pools, or two caches) are independent.
 *
 * <p>Synchronizes run on the executor given to the builder, never on a thread of their own. A null argument throws
 * {@link IllegalArgumentException} naming it.
 */
public final class CognitoSyncManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoSyncManager.class);
    /** How long {@link #close} waits for a running synchronize. */
    static final int CLOSE_WAIT_SECONDS = 30;

    private final Backend backend;
    private final LocalCache cache;
    private final CognitoIdentityCredentials credentials;
    private final RemoteStore remote;
    private final SyncQueue queue;
    private final Clock clock;
    private final @Nullable ExecutorService ownExecutor;
    private final KeptRequests kept;
    private final Subscriptions subscriptions;
    private final DeviceIdentity device;
    private volatile boolean closed;

    CognitoSyncManager(ManagerWiring wiring, Duration connectivityRetryInterval) {
        this.backend = wiring.backend();
        this.cache = wiring.cache();
        this.clock = wiring.clock();
        this.credentials = wiring.credentials(this::identityChanged);
        this.device = new DeviceIdentity(wiring.pool(), cache, credentials, wiring.remembered(),
                this::unsubscribeAll);
        this.remote = wiring.remote(credentials);
        this.queue = new SyncQueue(wiring.executor());
        this.kept = new KeptRequests(this, queue, connectivityRetryInterval);
        this.subscriptions = new Subscriptions(this, remote, cache, queue, wiring.executor());
        this.ownExecutor = wiring.ownsExecutor() ? (ExecutorService) wiring.executor() : null;
    }

    /** A builder; the identity pool id is required. */
    public static CognitoSyncManagerBuilder builder() {
        return new CognitoSyncManagerBuilder();
    }

    /** The backend this manager synchronizes with. */
    public Backend getBackend() {
        return backend;
    }

    /**
     * Opens a dataset of the current identity, creating it locally when absent. No network call.
     *
     * @throws dev.syncshift.core.InvalidParameterException when the name is not 1..128 of {@code [a-zA-Z0-9_.:-]}
     * @throws IllegalArgumentException when the name is null
     */
    public Dataset openOrCreateDataset(String datasetName) {
        return handle(new DatasetName(notNull("datasetName", datasetName)));
    }

    /** The current identity's datasets in the local cache (deleted-but-unsynchronized ones included). */
    public List<DatasetMetadata> listDatasets() {
        return device.read(identity -> cache.datasets(identity).stream().map(DefaultDataset::toApi).toList());
    }

    /** The local metadata of one dataset, or null when the cache does not have it. */
    public @Nullable DatasetMetadata getDatasetMetadata(String datasetName) {
        DatasetName name = new DatasetName(notNull("datasetName", datasetName));
        return read(name, key -> cache.dataset(key).map(DefaultDataset::toApi).orElse(null));
    }

    /**
     * Fetches the service's metadata of every dataset of the identity into the cache (sync counts untouched). A
     * network call on the caller's thread.
     *
     * @throws DataStorageException when the service cannot be reached or refuses, or when {@link #wipeData} or a
     *     login moved the local data away from the identity while the call ran (nothing it fetched is kept)
     */
    public void refreshDatasetMetadata() {
        IdentityId identity = credentials.identityId();
        SyncCache local = device.cacheOf(identity);
        remote.listDatasets(identity).forEach(local::updateMetadata);
    }

    /**
     * Deletes the current identity's local data (unsynchronized changes included) and forgets the identity and its
     * credentials (a manager that has not learned it yet takes it to be the one its cache file remembers, which
     * another manager of the file got); other identities' data in the cache is left alone. Subscriptions end (they
     * listened to the wiped identity's datasets): subscribe again once the next user signed in. The logins stay: for
     * a logout, also {@code setLogins(Map.of())}, or the next synchronize signs the same user in again and pulls
     * their data back.
     */
    public void wipeData() {
        device.wipe();
    }

    /**
     * The device's Cognito identity id, asking Cognito Identity (GetId) when none is known.
     *
     * @throws DataStorageException when the service cannot be reached or refuses
     */
    public String getIdentityId() {
        return credentials.identityId().value();
    }

    /**
     * Uses these logins (provider name to token) from now on, for example after the user signs in. At the next
     * synchronize the credentials are fetched with them; if the service then answers with another identity (the
     * logins belong to an existing one), this identity's local datasets become {@code <name>.<oldIdentityId>} of the
     * new identity, and synchronizes report them through {@link SyncCallback#onDatasetsMerged}.
     */
    public void setLogins(Map<String, String> logins) {
        Map<String, String> fixed = Arguments.logins(logins);
        credentials.setLogins(() -> fixed);
    }

    /**
     * Asks {@code provider} for the logins from now on, each time credentials are fetched (see
     * {@link CognitoSyncManagerBuilder#loginsProvider}); otherwise as {@link #setLogins(Map)}.
     */
    public void setLoginsProvider(LoginsProvider provider) {
        credentials.setLogins(notNull("provider", provider));
    }

    /** Runs the synchronizes kept by {@link Dataset#synchronizeOnConnectivity} (the app knows the network is back). */
    public void connectivityRestored() {
        kept.connectivityRestored();
    }

    /**
     * Stops subscriptions, lets a synchronize that is running end (waiting up to {@value #CLOSE_WAIT_SECONDS} s),
     * ends the waiting ones and any later one in {@code onFailure}, and releases the remote and the cache; the
     * executor is the caller's to shut down. Other use of a closed manager and its datasets throws
     * {@link IllegalStateException}.
     */
    @Override
    public void close() {
        closed = true;
        kept.close();
        subscriptions.removeAll();
        try {
            if (!queue.close(Duration.ofSeconds(CLOSE_WAIT_SECONDS))) {
                LOG.warn("A synchronize still ran {} s after close() was called; it ends in onFailure",
                        CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        remote.close();
        cache.close();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    void synchronize(DefaultDataset dataset, SyncCallback callback, boolean onConnectivity) {
        kept.synchronize(dataset, callback, onConnectivity);
    }

    void runSynchronize(DefaultDataset dataset, SyncCallback callback) {
        CredentialsRefusal refusal = new CredentialsRefusal(callback, credentials::knownIdentityId);
        runSynchronizeOnce(dataset, refusal);
        DataStorageException refused = refusal.refused();
        if (refused != null) {
            LOG.info("the service refused the device's credentials or identity before they expired; renewing them");
            credentials.renew();
            runSynchronizeOnce(dataset, callback);
        }
    }

    private void runSynchronizeOnce(DefaultDataset dataset, SyncCallback callback) {
        IdentityId identity;
        try {
            device.followSharedCache();
        } catch (DataStorageException wiped) {
            callback.onFailure(wiped);
            return;
        }
        try {
            // Credentials first: a login may change the identity, and the whole synchronize must use the new one.
            credentials.resolveCredentials();
            identity = credentials.identityId();
        } catch (DataStorageException e) {
            // Reported as the engine reports a service it cannot reach: local changes UTF-8 cannot carry first, then a
            // dataset over the limits, with what kept the service out of reach as the cause.
            callback.onFailure(dataset.changesNotCarried(dataset.unreachable(e)));
            return;
        }
        SyncCache local;
        try {
            local = device.cacheOf(identity);
        } catch (DataStorageException movedAway) {
            callback.onFailure(movedAway);
            return;
        }
        new SyncEngine(local, remote, clock).synchronize(dataset,
                new DatasetKey(identity, new DatasetName(dataset.getDatasetName())), callback);
    }

    void reachedService() {
        kept.reachedService();
    }

    void subscribe(DefaultDataset dataset, SyncCallback callback) {
        subscribe(dataset.getDatasetName(), dataset, callback);
    }

    /**
     * Hears of the changes other devices make to any dataset of the identity, on the device's real-time connection
     * (the one its dataset subscriptions share): each change synchronizes that dataset, opening it locally when it is
     * new, and reports to {@code callback}, as {@link Dataset#subscribe} does for one dataset. After a break in the
     * connection the datasets that moved meanwhile (new ones included) are synchronized, found with one listing of
     * the identity's datasets. A login that switches the identity moves the subscription; {@link #wipeData} and
     * {@link #unsubscribeAll} end it. As for a dataset, each call is a subscription of its own; on a dataset that has
     * subscriptions of its own, those settle conflicts, deletions and merges.
     *
     * @throws IllegalStateException on the {@code cognito} backend, which has no subscriptions
     */
    public void subscribeAll(SyncCallback callback) {
        subscribe(Subscriptions.ALL_DATASETS, null, notNull("callback", callback));
    }

    /** Ends every subscription: {@link #subscribeAll}'s and each dataset's. */
    public void unsubscribeAll() {
        subscriptions.removeAll();
    }

    private void subscribe(String name, @Nullable DefaultDataset dataset, SyncCallback callback) {
        if (closed) {
            throw new IllegalStateException("The CognitoSyncManager is closed");
        }
        subscriptions.add(name, credentials.identityId(), dataset, callback);
        if (closed) {
            subscriptions.remove(name); // close() ran meanwhile and did not see this one
        }
    }

    void unsubscribe(DefaultDataset dataset) {
        subscriptions.remove(dataset.getDatasetName());
    }

    /** A handle on the current identity's dataset {@code name}, created locally when absent. */
    DefaultDataset handle(DatasetName name) {
        write(name, key -> cache.openDataset(key, now()));
        return new DefaultDataset(this, cache, name);
    }

    /**
     * {@code call} on the key of the current identity's dataset {@code name}: an identity change (the move of the
     * local data) waits for it, and it for the change, so that nothing is written under an identity just left.
     */
    <T extends @Nullable Object> T read(DatasetName name, Function<DatasetKey, T> call) {
        return device.read(identity -> call.apply(new DatasetKey(identity, name)));
    }

    /** As {@link #read(DatasetName, Function)}, for a call that returns nothing. */
    void write(DatasetName name, Consumer<DatasetKey> call) {
        read(name, key -> {
            call.accept(key);
            return null;
        });
    }

    /** The identity local data belongs to, without a network call or a wait for one. */
    IdentityId localIdentity() {
        return device.localIdentity();
    }

    Instant now() {
        return clock.instant();
    }

    private boolean identityChanged(@Nullable IdentityId old, IdentityId current, Source source) {
        if (!device.changed(old, current, source)) {
            return false;
        }
        if (old != null && !old.equals(current)) {
            subscriptions.moveTo(current);
        }
        return true;
    }
}

