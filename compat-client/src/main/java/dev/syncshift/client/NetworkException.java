package dev.syncshift.client;

import org.jspecify.annotations.Nullable;

/** The service could not be reached (an I/O failure, a timeout); nothing is known to have changed remotely. */
public class NetworkException extends DataStorageException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message and the error that caused it (kept, so the service's answer stays readable). */
    public NetworkException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** A failure with a message. */
    public NetworkException(String message) {
        super(message);
    }
}
