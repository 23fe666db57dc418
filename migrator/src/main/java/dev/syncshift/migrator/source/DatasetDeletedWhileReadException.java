package dev.syncshift.migrator.source;

/**
 * A dataset was deleted in Cognito Sync during every read of its pages: what was read mixes records of the deleted
 * dataset with those of its re-creation, and is not imported. The dataset fails; a later pass reads it again.
 */
public final class DatasetDeletedWhileReadException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The dataset was deleted during each of {@code reads} reads. */
    public DatasetDeletedWhileReadException(int reads) {
        super("the dataset was deleted in Cognito Sync while its records were read, in each of " + reads
                + " reads; run the pass again");
    }
}
