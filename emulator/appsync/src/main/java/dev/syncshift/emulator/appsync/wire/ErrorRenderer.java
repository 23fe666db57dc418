package dev.syncshift.emulator.appsync.wire;

import dev.syncshift.emulator.appsync.api.AppSyncServiceException;
import dev.syncshift.emulator.appsync.api.InternalFailureException;
import dev.syncshift.emulator.appsync.api.LimitExceededException;
import dev.syncshift.emulator.appsync.api.NotFoundException;
import dev.syncshift.emulator.appsync.api.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders HTTP-level failures as AppSync does. Data plane: 401 for authorization, 400 for malformed requests, 429
 * and 500 for injected throttles and failures, all with {@code {"errors":[{"errorType":...,"message":...}]}}.
 * Control plane (REST-JSON): 401, 400 or 404 with the error's name in {@code x-amzn-ErrorType} and
 * {@code {"message":...}}. Anything else is a 500
 * ({@code InternalFailure}, {@code InternalFailureException} on the control plane) logged once with its stack trace.
 */
final class ErrorRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorRenderer.class);

    private final GraphQlJson json;

    ErrorRenderer(GraphQlJson json) {
        this.json = json;
    }

    void render(Response response, Callback callback, Throwable failure, boolean controlPlane) {
        int status;
        String type;
        String message;
        if (failure instanceof AppSyncServiceException e) {
            status = status(e);
            type = e.code();
            message = e.getMessage();
            LOG.debug("status={} errorType={}", status, type);
        } else {
            LOG.error("internal failure", failure);
            status = 500;
            type = controlPlane ? "InternalFailureException" : "InternalFailure";
            message = "An internal failure occurred.";
        }
        Object body = controlPlane ? Map.of("message", message) : json.httpError(type, message);
        send(response, callback, status, json.write(body), type);
    }

    /** The HTTP status AppSync answers {@code e} with. */
    static int status(AppSyncServiceException e) {
        if (e instanceof UnauthorizedException) {
            return 401;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof LimitExceededException) {
            return 429;
        }
        return e instanceof InternalFailureException ? 500 : 400;
    }

    static void send(Response response, Callback callback, int status, String body, String errorType) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
        if (!errorType.isEmpty()) {
            response.getHeaders().put("x-amzn-ErrorType", errorType);
        }
        response.write(true, StandardCharsets.UTF_8.encode(body), callback);
    }
}
