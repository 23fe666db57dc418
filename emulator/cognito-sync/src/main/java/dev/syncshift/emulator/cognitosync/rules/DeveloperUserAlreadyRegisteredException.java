package dev.syncshift.emulator.cognitosync.rules;

/** The developer user identifier is already linked to a different identity (Cognito Identity). */
public final class DeveloperUserAlreadyRegisteredException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public DeveloperUserAlreadyRegisteredException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "DeveloperUserAlreadyRegisteredException";
    }
}
