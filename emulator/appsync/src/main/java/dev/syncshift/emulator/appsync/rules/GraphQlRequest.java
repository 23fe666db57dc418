package dev.syncshift.emulator.appsync.rules;

import dev.syncshift.emulator.appsync.api.MalformedHttpRequestException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GraphQL request as clients post it.
 *
 * @param query the document
 * @param variables the variables (empty when none)
 * @param operationName the operation to run, or null
 */
public record GraphQlRequest(String query, Map<String, @Nullable Object> variables, @Nullable String operationName) {

    /** Rejects a blank query as AppSync does. */
    public GraphQlRequest {
        if (query.isBlank()) {
            throw new MalformedHttpRequestException(MalformedHttpRequestException.UNPARSABLE);
        }
    }
}
