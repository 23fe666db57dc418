package dev.syncshift.emulator.appsync.rules;

import dev.syncshift.emulator.appsync.js.JsError;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GraphQL error as AppSync reports a resolver's failure: {@code errorType}, {@code errorInfo} and
 * {@code data} are top-level keys of the error (AWS docs {@code resolver-util-reference-js.html},
 * {@code util.error}), not {@code extensions}.
 *
 * @param message the message
 * @param errorTypeName the {@code errorType}, or null
 * @param data the {@code data}, or null
 * @param errorInfo the {@code errorInfo}, or null
 * @param path the field path, empty until attached to a field
 * @param locations the field's source locations
 */
public record ResolverError(
        String message,
        @Nullable String errorTypeName,
        @Nullable Object data,
        @Nullable Object errorInfo,
        List<Object> path,
        List<SourceLocation> locations) implements GraphQLError {

    private static final long serialVersionUID = 1L;

    /** Copies the lists. */
    public ResolverError {
        path = List.copyOf(path);
        locations = List.copyOf(locations);
    }

    static ResolverError of(String message, @Nullable String type) {
        return new ResolverError(message, type, null, null, List.of(), List.of());
    }

    static ResolverError from(JsError error) {
        return new ResolverError(error.message(), error.type(), error.data(), error.info(), List.of(), List.of());
    }

    ResolverError at(List<Object> fieldPath, List<SourceLocation> fieldLocations) {
        return new ResolverError(message, errorTypeName, data, errorInfo, fieldPath, fieldLocations);
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public ErrorClassification getErrorType() {
        String name = errorTypeName == null ? "Unknown" : errorTypeName;
        return new ErrorClassification() {
            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of();
    }
}
