package dev.syncshift.client;

import org.jspecify.annotations.Nullable;

/**
 * A service limit would be exceeded: 20 datasets per identity, 1,024 records or 1 MB of key and value bytes per
 * dataset ({@code LimitExceededException}).
 */
public class DataLimitExceededException extends DataStorageException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message and the error that caused it (kept, so the service's answer stays readable). */
    public DataLimitExceededException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** A failure with a message. */
    public DataLimitExceededException(String message) {
        super(message);
    }
}
