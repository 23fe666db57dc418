package dev.syncshift.emulator.cognitosync.rules;

/** A bulk publish is already in progress. */
public final class DuplicateRequestException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public DuplicateRequestException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "DuplicateRequestException";
    }
}
