package dev.syncshift.core;

/** A patch carries a sync count other than the record's current one; the whole push is rejected. (409) */
public final class ResourceConflictException extends ContractViolationException {

    /** Creates the error with the service's message text. */
    public ResourceConflictException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "ResourceConflictException";
    }
}
