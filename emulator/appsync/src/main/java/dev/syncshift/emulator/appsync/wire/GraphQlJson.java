package dev.syncshift.emulator.appsync.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.syncshift.emulator.appsync.api.MalformedHttpRequestException;
import dev.syncshift.emulator.appsync.rules.GraphQlRequest;
import dev.syncshift.emulator.appsync.rules.ResolverError;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON codec of {@code /graphql} and the real-time socket: requests in, AppSync-shaped answers out
 * (errors carry {@code errorType}, {@code errorInfo} and {@code data} at the top level, as
 * AppSync writes them; the project's {@code docs/appsync-emulator.md}, "Errors").
 */
final class GraphQlJson {

    /** graphql-java's own start of a validation message: {@code Validation error (Type@[path]) : }. */
    private static final Pattern NEW_VALIDATION_PREFIX =
            Pattern.compile("^Validation error \\(\\w+(@\\[[^]]*])?\\) : ");

    /**
     * graphql-java's wording of a non-null variable left out, around the older wording AppSync answers with
     * ({@code Variable 'id' has coerced Null value for NonNull type 'ID!'}, which Amplify's own tests against AppSync
     * expect).
     */
    private static final Pattern NULL_VARIABLE =
            Pattern.compile("^Variable '(\\w+)' has an invalid value: (Variable '\\1' has coerced Null value .*)$");

    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * The request in {@code body}, refused as AppSync refuses a body that is no GraphQL request: empty ("Request body
     * is empty."), or not JSON, not an object or without a textual {@code query} ("Unable to parse GraphQL query.").
     */
    @SuppressWarnings("unchecked")
    GraphQlRequest request(byte[] body) {
        if (body.length == 0) {
            throw new MalformedHttpRequestException(MalformedHttpRequestException.EMPTY);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new MalformedHttpRequestException(MalformedHttpRequestException.UNPARSABLE);
        }
        if (root == null || !root.isObject() || !root.path("query").isTextual()) {
            throw new MalformedHttpRequestException(MalformedHttpRequestException.UNPARSABLE);
        }
        Map<String, @Nullable Object> variables = root.path("variables").isObject()
                ? mapper.convertValue(root.get("variables"), Map.class) : Map.of();
        JsonNode operation = root.path("operationName");
        return new GraphQlRequest(root.get("query").asText(), variables,
                operation.isTextual() ? operation.asText() : null);
    }

    Map<String, @Nullable Object> result(ExecutionResult result) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("data", result.getData());
        if (!result.getErrors().isEmpty()) {
            out.put("errors", errors(result.getErrors()));
        }
        return out;
    }

    List<Map<String, @Nullable Object>> errors(List<? extends GraphQLError> errors) {
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        for (GraphQLError error : errors) {
            Map<String, @Nullable Object> e = new LinkedHashMap<>();
            e.put("path", error.getPath() == null || error.getPath().isEmpty() ? null : error.getPath());
            if (error instanceof ResolverError resolverError) {
                e.put("data", resolverError.data());
                e.put("errorType", resolverError.errorTypeName());
                e.put("errorInfo", resolverError.errorInfo());
            }
            e.put("locations", locations(error.getLocations()));
            e.put("message", appSyncMessage(error));
            out.add(e);
        }
        return out;
    }

    /**
     * An error's message as AppSync words it. Validation errors and a non-null variable left out take the form older
     * graphql-java releases used, which AppSync answers with ({@code Validation error of type FieldUndefined: Field 'x'
     * in type 'Query' is undefined @ 'x'}; graphql-java now writes {@code Validation error (FieldUndefined@[x]) : …},
     * and apps that match AppSync's text would miss it); every other message is the error's own.
     */
    private static String appSyncMessage(GraphQLError error) {
        if (error instanceof ValidationError invalid) {
            List<String> path = invalid.getQueryPath();
            String description = NEW_VALIDATION_PREFIX.matcher(invalid.getDescription()).replaceFirst("");
            return "Validation error of type " + invalid.getValidationErrorType() + ": " + description
                    + (path == null || path.isEmpty() ? "" : " @ '" + String.join("/", path) + "'");
        }
        if (error instanceof NonNullableValueCoercedAsNullException) {
            return NULL_VARIABLE.matcher(error.getMessage()).replaceFirst("$2");
        }
        return error.getMessage();
    }

    private static @Nullable List<Map<String, @Nullable Object>> locations(@Nullable List<SourceLocation> list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        for (SourceLocation location : list) {
            Map<String, @Nullable Object> l = new LinkedHashMap<>();
            l.put("line", location.getLine());
            l.put("column", location.getColumn());
            l.put("sourceName", location.getSourceName());
            out.add(l);
        }
        return out;
    }

    Map<String, @Nullable Object> httpError(String errorType, String message) {
        return Map.of("errors", List.of(error(errorType, message)));
    }

    /**
     * The {@code errors} of a real-time {@code connection_error}: as {@link #httpError}, with the HTTP status the
     * refusal has in {@code errorCode}, as AppSync sends it (Amplify reads it to decide not to retry).
     */
    Map<String, @Nullable Object> connectionError(String errorType, String message, int status) {
        Map<String, @Nullable Object> error = error(errorType, message);
        error.put("errorCode", status);
        return Map.of("errors", List.of(error));
    }

    private static Map<String, @Nullable Object> error(String errorType, String message) {
        Map<String, @Nullable Object> error = new LinkedHashMap<>();
        error.put("errorType", errorType);
        error.put("message", message);
        return error;
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
