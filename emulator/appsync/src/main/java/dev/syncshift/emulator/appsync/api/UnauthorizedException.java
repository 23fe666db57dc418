package dev.syncshift.emulator.appsync.api;

/** Missing, unknown or wrongly signed credentials: HTTP 401. */
public final class UnauthorizedException extends AppSyncServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message AppSync's message text
     */
    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UnauthorizedException";
    }
}
