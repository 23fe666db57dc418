package dev.syncshift.client;

import org.jspecify.annotations.Nullable;

/** The credentials may not touch this data, or were refused ({@code NotAuthorizedException}, an AppSync 401). */
public class DataAccessNotAuthorizedException extends DataStorageException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message and the error that caused it (kept, so the service's answer stays readable). */
    public DataAccessNotAuthorizedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** A failure with a message. */
    public DataAccessNotAuthorizedException(String message) {
        super(message);
    }
}
