package dev.syncshift.emulator.cognitosync.rules;

/** The pool configuration was modified in parallel. */
public final class ConcurrentModificationException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public ConcurrentModificationException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "ConcurrentModificationException";
    }
}
