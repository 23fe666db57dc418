package dev.syncshift.emulator.cognitosync.rules;

/** The pool, identity, dataset or device does not exist. */
public final class ResourceNotFoundException extends CognitoSyncServiceException {

    /** Creates the error with AWS's message text. */
    public ResourceNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "ResourceNotFoundException";
    }
}
