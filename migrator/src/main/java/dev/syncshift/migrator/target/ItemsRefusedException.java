package dev.syncshift.migrator.target;

/**
 * DynamoDB refused a transaction for what its items hold ({@code ValidationError}: a value, key or size the table
 * cannot store): a property of the dataset's data, which writing it again would meet again, so the dataset is
 * reported as not copied and the run goes on, rather than failing the run at every start.
 */
public final class ItemsRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ItemsRefusedException(String reason) {
        super(reason);
    }
}
