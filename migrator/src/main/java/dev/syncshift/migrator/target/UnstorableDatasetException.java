package dev.syncshift.migrator.target;

/**
 * A dataset the table cannot store for what it holds: text that is not valid Unicode (a DynamoDB string is UTF-8),
 * or items DynamoDB refused ({@code ValidationError}: a value, key or size it cannot take). Writing it again would
 * meet the same wall, so the dataset is reported as not copied and the run goes on, rather than failing the run at
 * every start. The message says what and why, in a sentence for the report.
 */
public final class UnstorableDatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnstorableDatasetException(String message) {
        super(message);
    }
}
