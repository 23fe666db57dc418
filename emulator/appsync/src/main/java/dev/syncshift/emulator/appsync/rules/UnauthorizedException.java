package dev.syncshift.emulator.appsync.rules;

/** Missing, unknown or wrongly signed credentials: HTTP 401. */
public final class UnauthorizedException extends AppSyncServiceException {

    private static final long serialVersionUID = 1L;

    UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UnauthorizedException";
    }
}
