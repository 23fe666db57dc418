package dev.syncshift.core;

/**
 * A violation of the Cognito Sync contract. {@link #errorCode()} is the exact name the real service sends in
 * {@code x-amzn-ErrorType}; the message is the service's text.
 *
 * <p>Thrown by value constructors and rule methods of this package before anything is changed, so a caller that
 * validates first and writes after never leaves partial state.
 */
public abstract sealed class ContractViolationException extends RuntimeException
        permits InvalidParameterException, LimitExceededException, ResourceConflictException {

    ContractViolationException(String message) {
        super(message, null, false, false);
    }

    /** The wire error name, for example {@code InvalidParameterException}. */
    public abstract String errorCode();
}
