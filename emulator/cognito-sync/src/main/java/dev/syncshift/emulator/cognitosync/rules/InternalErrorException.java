package dev.syncshift.emulator.cognitosync.rules;

/** The service failed; the only server fault (500). */
public final class InternalErrorException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public InternalErrorException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "InternalErrorException";
    }
}
