package dev.syncshift.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One dataset of the current identity: a map of string keys to string values kept in the local cache, synchronized
 * with the service by {@link #synchronize}. Reads and writes are local and never touch the network. Thread-safe;
 * handles opened twice for the same dataset share one cache and one synchronize queue.
 *
 * <p>Keys and values get the service's checks when they are written
 * ({@link dev.syncshift.core.InvalidParameterException} with the service's message: keys of 1 to 1,024 characters,
 * values up to 1,048,575), and one more on every backend: keys and values must be valid Unicode (no unpaired
 * surrogate, half of an emoji), which AppSync needs; null arguments other than a value are caller bugs
 * ({@link IllegalArgumentException}).
 */
public interface Dataset {

    /**
     * The callback under the name AWS's client gives it, nested in {@code Dataset}: code that writes
     * {@code new Dataset.SyncCallback() {...}}, {@code implements Dataset.SyncCallback} or imports
     * {@code Dataset.SyncCallback} ports by its imports. It adds nothing to {@link dev.syncshift.client.SyncCallback},
     * which every method taking a callback takes, so either name can be passed; {@link DefaultSyncCallback} is both.
     */
    interface SyncCallback extends dev.syncshift.client.SyncCallback {
    }

    /** The dataset's name. */
    String getDatasetName();

    /** The local metadata, or null when the dataset was purged (after a synchronized {@link #delete}). */
    @Nullable DatasetMetadata getDatasetMetadata();

    /** The value of {@code key}, or null when it is absent or deleted. */
    @Nullable String get(String key);

    /** The record of {@code key} (deleted ones included), or null when the key was never written here. */
    @Nullable Record getRecord(String key);

    /**
     * Sets {@code key} to {@code value}; a null value removes the key. Writing the value the key already has changes
     * nothing (the record does not become modified).
     */
    void put(String key, @Nullable String value);

    /** Removes {@code key}: it becomes a deleted record, pushed at the next synchronize (even if it never existed). */
    void remove(String key);

    /** {@link #put} of every entry (null values remove), all keys checked first, in one local transaction. */
    void putAll(Map<String, ? extends @Nullable String> values);

    /** Every live key and value. */
    Map<String, String> getAll();

    /** Every record, deleted ones included. */
    List<Record> getAllRecords();

    /** UTF-8 bytes of the key and value of {@code key}; the key alone when deleted; 0 when absent. */
    long getSizeInBytes(String key);

    /** {@link #getSizeInBytes} summed over every record. */
    long getTotalSizeInBytes();

    /** Whether {@code key} holds a local change not yet synchronized. */
    boolean isChanged(String key);

    /**
     * Deletes the dataset locally; the next {@link #synchronize} deletes it on the service and purges it here. Writes
     * made after this call re-create the dataset (they are not purged, unlike AWS's client).
     */
    void delete();

    /**
     * The service's dataset sync count this device last saw; 0 when never synchronized; -1 from {@link #delete()} until
     * the synchronize that deletes it on the service, as AWS's client.
     */
    long getLastSyncCount();

    /**
     * Stores records as given (modified flag and sync count included): for
     * {@link dev.syncshift.client.SyncCallback#onConflict}. The keys
     * and values of modified records get {@link #put}'s checks first; none is stored when one fails.
     */
    void resolve(List<Record> records);

    /**
     * Pulls, merges and pushes on the manager's executor, reporting to {@code callback}. Synchronizes of one dataset
     * run one at a time; one more may wait, and a further one fails at once with a {@link DataStorageException}.
     *
     * @throws IllegalArgumentException when the callback is null
     */
    void synchronize(dev.syncshift.client.SyncCallback callback);

    /**
     * {@link #synchronize} for code that is not callback-shaped: completes with the pulled records, or exceptionally
     * with a {@link DataStorageException}. Conflicts are resolved with
     * {@link SyncConflict#resolveWithLastWriterWins()}; a dataset deleted on the service fails; merged datasets do not
     * stop it.
     */
    CompletableFuture<List<Record>> synchronizeAsync();

    /**
     * {@link #synchronize} now; if it fails because the service cannot be reached ({@code onFailure} with a
     * {@link NetworkException}), it is kept (only the last such request per dataset) and runs again as soon as any
     * synchronize of the manager reaches the service, when the app calls
     * {@link CognitoSyncManager#connectivityRestored()}, and every
     * {@link CognitoSyncManagerBuilder#connectivityRetryInterval} (10 s by default) until it reaches the service.
     * Those later runs report only how they end once the service is reached: no further {@code onFailure} for a
     * service still out of reach, nor for a dataset whose queue is full (one synchronize running, one waiting): the
     * request stays kept and runs once one of them reaches the service.
     */
    void synchronizeOnConnectivity(dev.syncshift.client.SyncCallback callback);

    /**
     * Listens for changes other devices make to this dataset (AppSync real-time, backends {@code appsync} and
     * {@code cutover}) and synchronizes when one arrives, reporting to {@code callback}. Every subscription of the
     * device shares one connection, which reconnects with backoff, resubscribes and catches up with a synchronize.
     * Each call is a subscription of its own: a second one (another callback) does not end the first, and both hear
     * each change from one synchronize, the first subscribed settling its conflicts, deletions and merges; a callback
     * that is subscribed already stays as it is.
     *
     * @throws IllegalStateException on the {@code cognito} backend, which has no subscription a JVM app can receive
     */
    void subscribe(dev.syncshift.client.SyncCallback callback);

    /** Stops listening: ends every subscription of this dataset; nothing happens when not subscribed. */
    void unsubscribe();
}
