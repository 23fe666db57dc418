package dev.syncshift.emulator.appsync.api;

/**
 * A {@code POST /graphql} whose body is not a GraphQL request at all (HTTP 400): empty, not JSON, or JSON without a
 * query. AppSync's data plane names these {@code MalformedHttpRequestException}, not {@code BadRequestException}.
 */
public final class MalformedHttpRequestException extends AppSyncServiceException {

    /** AppSync's message for a body with no bytes. */
    public static final String EMPTY = "Request body is empty.";
    /** AppSync's message for a body that is not JSON, or JSON without a query. */
    public static final String UNPARSABLE = "Unable to parse GraphQL query.";

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message AppSync's message text
     */
    public MalformedHttpRequestException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "MalformedHttpRequestException";
    }
}
