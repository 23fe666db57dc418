package dev.syncshift.emulator.cognitosync.rules;

/** Push sync is not configured for the pool or platform. */
public final class InvalidConfigurationException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public InvalidConfigurationException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "InvalidConfigurationException";
    }
}
