package dev.syncshift.client.remote.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.client.DataAccessNotAuthorizedException;
import dev.syncshift.client.DataConflictException;
import dev.syncshift.client.DataLimitExceededException;
import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.DatasetNotFoundException;
import dev.syncshift.client.spi.DeletedSinceException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one translation of AppSync answers into the client's exceptions: the GraphQL {@code errorType} of the API's
 * errors (the Cognito Sync names), and HTTP-level refusals. The answer's text is kept in the message. Also which
 * error answers are worth another attempt.
 */
final class AppSyncErrors {

    /** DynamoDB's names for a request refused for throughput (exceptions, and transaction cancellation reasons). */
    private static final Pattern THROTTLED = Pattern.compile(
            "ProvisionedThroughputExceeded|ThrottlingException|ThrottlingError|RequestLimitExceeded");

    static final int PROXY_AUTHENTICATION_REQUIRED = 407;

    /** What a proxy's 407 means here, and what to do about it ({@link SdkProxy}). */
    static final String PROXY_REFUSED = "the HTTP proxy asks for a user and password (HTTP 407) and was given none it"
            + " accepts: name them in HTTP_PROXY (http://user:password@host:port) or in the http.proxyUser and"
            + " http.proxyPassword system properties, and, where AppSync is reached through a tunnel (https, and"
            + " every real-time WebSocket), run the JVM with -Djdk.http.auth.tunneling.disabledSchemes=\"\", without"
            + " which the JDK sends no Basic user and password through one";

    private AppSyncErrors() {
    }

    static DataStorageException translate(String what, GraphQlCall.Answer answer) {
        if (answer.status() == PROXY_AUTHENTICATION_REQUIRED) {
            return new DataStorageException(what + ": " + PROXY_REFUSED);
        }
        JsonNode error = answer.firstError();
        String type = error.path("errorType").asText("");
        String reason = error.path("errorInfo").path("reason").asText("");
        String message = what + ": " + (error.has("message") ? error.path("message").asText()
                : "HTTP " + answer.status() + " " + answer.body()) + (reason.isEmpty() ? "" : " [" + reason + "]")
                + (answer.requestId() == null ? "" : " (Request ID: " + answer.requestId() + ")");
        if (answer.status() == 401 || answer.status() == 403) {
            return new DataAccessNotAuthorizedException(message + roleHint(message));
        }
        if (type.equals("UnauthorizedException") || type.equals("NotAuthorizedException")) {
            return new DataAccessNotAuthorizedException(message);
        }
        return switch (type) {
            case "ResourceConflictException" -> reason.equals("DatasetDeleted") ? new DeletedSinceException(message)
                    : new DataConflictException(message);
            case "LimitExceededException" -> new DataLimitExceededException(message);
            case "ResourceNotFoundException" -> new DatasetNotFoundException(message);
            default -> new DataStorageException(message + (type.isEmpty() ? "" : " (" + type + ")"));
        };
    }

    /** Whether AppSync refused a request's signature (its time, when the device's clock is off, or its value). */
    static boolean signatureRefused(String text) {
        return text.toLowerCase(Locale.ROOT).contains("signature");
    }

    /** Whether AppSync refused the credentials themselves: "The security token included in the request is …". */
    static boolean credentialsRefused(String text) {
        return text.toLowerCase(Locale.ROOT).contains("security token");
    }

    /**
     * What an HTTP-level refusal that is not about the request's signature, credentials or authorization header
     * means: IAM did not allow the call, which on a migrated pool is a role without the API's user policy (often the
     * guests' role).
     */
    private static String roleHint(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (signatureRefused(message) || credentialsRefused(message) || lower.contains("credential")
                || lower.contains("authorization header")) {
            return "";
        }
        return " (IAM did not allow the call: the identity pool's role for this identity, authenticated or"
                + " unauthenticated, needs the API's user policy)";
    }

    /**
     * Whether the API's DynamoDB table refused for its throughput: a resolver passes DynamoDB's error on as
     * {@code errorType} {@code DynamoDB:<exception>} (a transaction cancelled for {@code ThrottlingError} names the
     * reason in its message). Nothing was written, and a later attempt may get through.
     */
    static boolean tableThrottled(GraphQlCall.Answer answer) {
        for (JsonNode error : answer.body().path("errors")) {
            String type = error.path("errorType").asText("");
            if (type.startsWith("DynamoDB:") && THROTTLED.matcher(type + " " + error.path("message").asText(""))
                    .find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the push lost a race with the creation of another dataset of the identity (the API's
     * {@code ResourceConflictException} with {@code errorInfo.reason} {@code ConcurrentCreation}): only the
     * identity's creation lock moved, so the same push sent again holds, with no pull between.
     */
    static boolean lostCreationRace(GraphQlCall.Answer answer) {
        for (JsonNode error : answer.body().path("errors")) {
            if (error.path("errorType").asText("").equals("ResourceConflictException")
                    && error.path("errorInfo").path("reason").asText("").equals("ConcurrentCreation")) {
                return true;
            }
        }
        return false;
    }
}
