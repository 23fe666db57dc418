package dev.syncshift.emulator.appsync.api;

/**
 * Failures AppSync reports at the HTTP level (authorization, malformed requests, throttling, injected failures).
 * Data-plane failures are
 * GraphQL errors ({@code rules}' {@code ResolverError}), never these.
 */
public abstract sealed class AppSyncServiceException extends RuntimeException
        permits UnauthorizedException, BadRequestException, MalformedHttpRequestException, NotFoundException,
        LimitExceededException, InternalFailureException {

    private static final long serialVersionUID = 1L;

    private final String message;

    AppSyncServiceException(String message) {
        super(message);
        this.message = message;
    }

    /** AppSync's message: never null, as each is made with one. */
    @Override
    public String getMessage() {
        return message;
    }

    /**
     * The error type AppSync puts in {@code errors[].errorType}.
     *
     * @return e.g. {@code UnauthorizedException}
     */
    public abstract String code();
}
