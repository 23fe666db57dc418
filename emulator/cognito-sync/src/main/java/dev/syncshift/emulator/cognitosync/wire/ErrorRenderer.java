package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.core.ContractViolationException;
import dev.syncshift.emulator.cognitosync.rules.CognitoSyncServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become HTTP (docs/cognito-sync.md#errors-and-statuses). Cognito Sync (REST-JSON): the modeled
 * status, {@code x-amzn-ErrorType: <Name>} and {@code {"message": ...}}. Cognito Identity (AWS JSON 1.1): status 400
 * (500 for InternalErrorException), {@code x-amzn-ErrorType: <Name>:} and {@code {"__type": <Name>, "message": ...}}.
 * Anything unexpected becomes a 500 InternalErrorException, logged once with its stack trace, with no internals in the
 * body.
 */
final class ErrorRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorRenderer.class);

    private static final Map<String, Integer> SYNC_STATUS = Map.ofEntries(
            Map.entry("InvalidParameterException", 400),
            Map.entry("LimitExceededException", 400),
            Map.entry("NotAuthorizedException", 403),
            Map.entry("ResourceNotFoundException", 404),
            Map.entry("ResourceConflictException", 409),
            Map.entry("TooManyRequestsException", 429),
            Map.entry("LambdaThrottledException", 429),
            Map.entry("InvalidLambdaFunctionOutputException", 400),
            Map.entry("InvalidConfigurationException", 400),
            Map.entry("DuplicateRequestException", 400),
            Map.entry("AlreadyStreamedException", 400),
            Map.entry("ConcurrentModificationException", 400),
            Map.entry("InternalErrorException", 500));

    /** An error ready to send. */
    record Rendered(int status, String code, Map<String, Object> body) {
    }

    Rendered render(Throwable error, Protocol protocol, String operation) {
        if (error instanceof WireException wire) {
            return of(protocol, wire.status(), wire.code(), messageOr(wire, wire.code()));
        }
        if (error instanceof ContractViolationException violation) {
            return modeled(protocol, violation.errorCode(), messageOr(violation, violation.errorCode()));
        }
        if (error instanceof CognitoSyncServiceException service) {
            return modeled(protocol, service.code(), messageOr(service, service.code()));
        }
        LOG.error("{} failed unexpectedly", operation, error);
        return of(protocol, 500, "InternalErrorException", "An internal error occurred.");
    }

    private Rendered modeled(Protocol protocol, String code, String message) {
        int status = switch (protocol) {
            case REST_JSON -> SYNC_STATUS.getOrDefault(code, 400);
            case AWS_JSON -> "InternalErrorException".equals(code) ? 500 : 400;
        };
        return of(protocol, status, code, message);
    }

    /** The error's message; our errors always have one, the code stands in should one not. */
    private static String messageOr(Throwable error, String code) {
        String message = error.getMessage();
        return message == null ? code : message;
    }

    private static Rendered of(Protocol protocol, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (protocol == Protocol.AWS_JSON) {
            body.put("__type", code);
        }
        body.put("message", message);
        return new Rendered(status, code, body);
    }
}
