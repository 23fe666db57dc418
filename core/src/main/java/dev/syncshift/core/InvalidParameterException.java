package dev.syncshift.core;

/** A parameter fails the service model's constraints, or a sync count that does not exist is asked for. (400) */
public final class InvalidParameterException extends ContractViolationException {

    /** Creates the error with the service's message text. */
    public InvalidParameterException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "InvalidParameterException";
    }
}
