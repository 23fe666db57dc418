package dev.syncshift.emulator.cognitosync.rules;

/** The call was throttled. */
public final class TooManyRequestsException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public TooManyRequestsException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "TooManyRequestsException";
    }
}
