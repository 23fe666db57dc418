package dev.syncshift.emulator.appsync.api;

/** The API's request rate was exceeded (HTTP 429): the client should back off and retry. */
public final class LimitExceededException extends AppSyncServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message AppSync's message text
     */
    public LimitExceededException(String message) {
        super(message);
    }

    /** {@code LimitExceededError}, the type AppSync's throttled answers carry and Amplify classifies as a throttle. */
    @Override
    public String code() {
        return "LimitExceededError";
    }
}
