package dev.syncshift.emulator.appsync.api;

/**
 * A control-plane request AppSync refuses (HTTP 400), or a template or resolver code AppSync would not deploy. A
 * data-plane body that is no GraphQL request is {@link MalformedHttpRequestException}.
 */
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
