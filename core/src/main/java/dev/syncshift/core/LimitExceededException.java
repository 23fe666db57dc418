package dev.syncshift.core;

/** A service limit (datasets per identity, records per dataset, bytes per dataset) would be exceeded. (400) */
public final class LimitExceededException extends ContractViolationException {

    /** Creates the error with the service's message text. */
    public LimitExceededException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "LimitExceededException";
    }
}
