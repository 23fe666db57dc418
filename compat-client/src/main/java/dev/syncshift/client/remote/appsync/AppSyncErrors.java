package dev.syncshift.client.remote.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.client.DataAccessNotAuthorizedException;
import dev.syncshift.client.DataConflictException;
import dev.syncshift.client.DataLimitExceededException;
import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.DatasetNotFoundException;

/**
 * The one translation of AppSync answers into the client's exceptions: the GraphQL {@code errorType} of the API's
 * errors (the Cognito Sync names), and HTTP-level refusals. The answer's text is kept in the message.
 */
final class AppSyncErrors {

    private AppSyncErrors() {
    }

    static DataStorageException translate(String what, GraphQlCall.Answer answer) {
        JsonNode error = answer.firstError();
        String type = error.path("errorType").asText("");
        String reason = error.path("errorInfo").path("reason").asText("");
        String message = what + ": " + (error.has("message") ? error.path("message").asText()
                : "HTTP " + answer.status() + " " + answer.body()) + (reason.isEmpty() ? "" : " [" + reason + "]");
        if (answer.status() == 401 || answer.status() == 403 || type.equals("UnauthorizedException")
                || type.equals("NotAuthorizedException")) {
            return new DataAccessNotAuthorizedException(message);
        }
        return switch (type) {
            case "ResourceConflictException" -> new DataConflictException(message);
            case "LimitExceededException" -> new DataLimitExceededException(message);
            case "ResourceNotFoundException" -> new DatasetNotFoundException(message);
            default -> new DataStorageException(message + (type.isEmpty() ? "" : " (" + type + ")"));
        };
    }
}
