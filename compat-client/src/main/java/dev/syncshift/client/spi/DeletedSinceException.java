package dev.syncshift.client.spi;

import dev.syncshift.client.DataConflictException;

/**
 * A push refused as stale because the dataset was deleted on the service after the count the push carried (AppSync's
 * {@code ResourceConflictException} with {@code errorInfo.reason} {@code DatasetDeleted}). A pull from that count
 * reports the deletion, so the engine pulls from it next (never from zero, which would take the dataset for new and
 * push into it), and the app decides through {@code onDatasetDeleted} before anything is pushed.
 */
public final class DeletedSinceException extends DataConflictException {

    private static final long serialVersionUID = 1L;

    /** A refusal with the service's message. */
    public DeletedSinceException(String message) {
        super(message);
    }
}
