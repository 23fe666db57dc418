package dev.syncshift.migrator.source;

/**
 * Cognito Sync refused a read after a count the dataset does not have ("No such SyncCount"): the dataset's count is
 * now below it. A merged copy ({@code <dataset>.<identityId>}) is one: a merge starts its count again at 1, below its
 * records' counts, which a store imported by counts alone may have taken for its watermark.
 */
public final class CountNotInDatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The refusal of a read after {@code lastSyncCount}, with Cognito's message. */
    public CountNotInDatasetException(long lastSyncCount, String message) {
        super("Cognito Sync has no count " + lastSyncCount + " in the dataset: " + message);
    }
}
