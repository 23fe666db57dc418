package dev.syncshift.emulator.appsync.rules;

/**
 * Failures AppSync reports at the HTTP level (authorization, malformed requests). Data-plane failures are
 * GraphQL errors ({@link ResolverError}), never these.
 */
public abstract sealed class AppSyncServiceException extends RuntimeException
        permits UnauthorizedException, BadRequestException, NotFoundException {

    private static final long serialVersionUID = 1L;

    AppSyncServiceException(String message) {
        super(message);
    }

    /**
     * The error type AppSync puts in {@code errors[].errorType}.
     *
     * @return e.g. {@code UnauthorizedException}
     */
    public abstract String code();
}
