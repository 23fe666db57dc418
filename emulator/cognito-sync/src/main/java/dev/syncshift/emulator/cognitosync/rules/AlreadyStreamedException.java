package dev.syncshift.emulator.cognitosync.rules;

/** A bulk publish was requested less than 24 hours after the last successful one. */
public final class AlreadyStreamedException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public AlreadyStreamedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "AlreadyStreamedException";
    }
}
