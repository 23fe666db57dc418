package dev.syncshift.emulator.appsync.api;

/** A request AppSync cannot parse (HTTP 400), or a template or resolver code AppSync would not deploy. */
public final class BadRequestException extends AppSyncServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message AppSync's message text
     */
    public BadRequestException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "BadRequestException";
    }
}
