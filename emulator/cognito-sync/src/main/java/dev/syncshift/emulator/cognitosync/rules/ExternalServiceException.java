package dev.syncshift.emulator.cognitosync.rules;

/** An external identity provider failed (Cognito Identity). */
public final class ExternalServiceException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public ExternalServiceException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "ExternalServiceException";
    }
}
