package dev.syncshift.emulator.appsync.api;

/** AppSync failed before running the request (HTTP 500); nothing was changed and a retry may succeed. */
public final class InternalFailureException extends AppSyncServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message AppSync's message text
     */
    public InternalFailureException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "InternalFailure";
    }
}
