package dev.syncshift.emulator.appsync.api;

/** A control-plane resource that does not exist, e.g. an unknown API id: HTTP 404. */
public final class NotFoundException extends AppSyncServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message AppSync's message text
     */
    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NotFoundException";
    }
}
