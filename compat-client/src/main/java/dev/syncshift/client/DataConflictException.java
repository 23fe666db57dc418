package dev.syncshift.client;

import org.jspecify.annotations.Nullable;

/**
 * A push was refused because a record changed on the service since this device last saw it (Cognito Sync's {@code
 * ResourceConflictException}, AppSync's errorType of the same name). The engine retries after pulling; an app sees it
 * only when conflicts stay unresolved.
 */
public class DataConflictException extends DataStorageException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message and the error that caused it (kept, so the service's answer stays readable). */
    public DataConflictException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** A failure with a message. */
    public DataConflictException(String message) {
        super(message);
    }
}
