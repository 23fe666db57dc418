package dev.syncshift.client;

import org.jspecify.annotations.Nullable;

/** The dataset does not exist on the service ({@code ResourceNotFoundException}). */
public class DatasetNotFoundException extends DataStorageException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message and the error that caused it (kept, so the service's answer stays readable). */
    public DatasetNotFoundException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** A failure with a message. */
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
