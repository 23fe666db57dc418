package dev.syncshift.emulator.appsync.wire;

import dev.syncshift.emulator.appsync.rules.AppSyncServiceException;
import dev.syncshift.emulator.appsync.rules.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders HTTP-level failures as AppSync does: 401 for authorization, 400 for malformed requests, both with
 * {@code {"errors":[{"errorType":...,"message":...}]}}; anything else is a 500 {@code InternalFailure}
 * logged once with its stack trace.
 */
final class ErrorRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorRenderer.class);

    private final GraphQlJson json;

    ErrorRenderer(GraphQlJson json) {
        this.json = json;
    }

    void render(Response response, Callback callback, Throwable failure) {
        int status;
        String type;
        String message;
        if (failure instanceof AppSyncServiceException e) {
            status = e instanceof UnauthorizedException ? 401 : 400;
            type = e.code();
            message = e.getMessage();
            LOG.debug("graphql status={} errorType={}", status, type);
        } else {
            LOG.error("internal failure", failure);
            status = 500;
            type = "InternalFailure";
            message = "An internal failure occurred.";
        }
        send(response, callback, status, json.write(json.httpError(type, message)), type);
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
