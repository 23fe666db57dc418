package dev.syncshift.client;

import org.jspecify.annotations.Nullable;

/**
 * A synchronize, a remote call or the local cache failed. The base of every failure a {@link SyncCallback} receives
 * in {@link SyncCallback#onFailure}; unchecked, as AWS's client made it. Its subclasses name the reasons an app can act
 * on; anything else (a throttled or failed service call, a cancel) is this class itself, with the cause kept.
 */
public class DataStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message and the error that caused it. */
    public DataStorageException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** A failure with a message. */
    public DataStorageException(String message) {
        super(message);
    }
}
