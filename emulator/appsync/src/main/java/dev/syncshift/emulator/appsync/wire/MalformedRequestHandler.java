package dev.syncshift.emulator.appsync.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Answers what Jetty refuses before {@link Operations} sees it (a URI or headers over the size limits, a path Jetty
 * cannot decode or will not serve) in AppSync's error shape instead of Jetty's HTML page: Jetty's 4xx status, a
 * plain message and a request id. Under {@code /v1/} it is the control plane's {@code BadRequestException} with
 * {@code {"message":…}}; elsewhere, and where Jetty could not read the path at all (it then hands over a stand-in
 * request), the data plane's {@code MalformedHttpRequestException} with {@code {"errors":[…]}}. A failure inside the
 * server that reaches Jetty stays a 500 ({@code InternalFailure}, as {@link ErrorRenderer} names it).
 */
final class MalformedRequestHandler extends ErrorHandler {

    private static final String CONTROL_PLANE_CODE = "BadRequestException";
    private static final String DATA_PLANE_CODE = "MalformedHttpRequestException";

    private final GraphQlJson json;

    MalformedRequestHandler(GraphQlJson json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = status(request.getAttribute(ERROR_STATUS), response.getStatus());
        boolean controlPlane = request.getHttpURI().getPath() != null
                && request.getHttpURI().getPath().startsWith(Operations.CONTROL_PLANE);
        response.getHeaders().put(Operations.REQUEST_ID, Operations.requestId());
        ErrorRenderer.send(response, callback, status, body(status, controlPlane), code(status, controlPlane));
        return true;
    }

    /** What Jetty sends when it cannot even parse the request line or headers (no path to route by). */
    @Override
    public ByteBuffer badMessageError(int status, @Nullable String reason, HttpFields.Mutable fields) {
        int shown = status(status, 400);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
        fields.put("x-amzn-ErrorType", code(shown, false));
        fields.put(Operations.REQUEST_ID, Operations.requestId());
        return ByteBuffer.wrap(body(shown, false).getBytes(StandardCharsets.UTF_8));
    }

    private String body(int status, boolean controlPlane) {
        String message = message(status);
        return json.write(controlPlane ? Map.of("message", message) : json.httpError(code(status, false), message));
    }

    /**
     * Jetty's status: a 4xx as it is, 500 (a failure inside the server, not the request's) as it is, anything else
     * 400 (Jetty answers a request line without a version, a client's fault, with 505).
     */
    private static int status(@Nullable Object status, int fallback) {
        int code = status instanceof Integer given ? given : fallback;
        return code == 500 || code >= 400 && code < 500 ? code : 400;
    }

    private static String code(int status, boolean controlPlane) {
        if (status == 500) {
            return controlPlane ? "InternalFailureException" : "InternalFailure";
        }
        return controlPlane ? CONTROL_PLANE_CODE : DATA_PLANE_CODE;
    }

    private static String message(int status) {
        return switch (status) {
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            case 500 -> "An internal failure occurred.";
            default -> "Malformed HTTP request";
        };
    }
}
