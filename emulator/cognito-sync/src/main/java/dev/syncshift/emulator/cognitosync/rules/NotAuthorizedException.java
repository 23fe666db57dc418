package dev.syncshift.emulator.cognitosync.rules;

/** The caller's credentials may not perform this call on this resource. */
public final class NotAuthorizedException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public NotAuthorizedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NotAuthorizedException";
    }
}
