package dev.syncshift.emulator.cognitosync.rules;

/** The pool's role configuration does not allow the call (Cognito Identity). */
public final class InvalidIdentityPoolConfigurationException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public InvalidIdentityPoolConfigurationException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "InvalidIdentityPoolConfigurationException";
    }
}
