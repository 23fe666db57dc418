package dev.syncshift.emulator.cognitosync.wire;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Answers what Jetty refuses before {@link CognitoHttpHandler} sees it (a URI or headers over the size limits, a
 * path Jetty cannot decode or will not serve) in the service's error shape instead of Jetty's HTML page: Jetty's
 * 4xx status, {@code SerializationException} and a plain message. The service is Cognito Identity when the request
 * got as far as an {@code X-Amz-Target} header, Cognito Sync otherwise.
 */
public final class MalformedRequestHandler extends ErrorHandler {

    private static final String CODE = "SerializationException";
    private static final String INTERNAL = "InternalErrorException";
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,.:'()-]{1,80}");

    private final JsonCodec codec = new JsonCodec();
    private final ErrorRenderer renderer = new ErrorRenderer();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object given = request.getAttribute(ERROR_STATUS);
        Protocol protocol = request.getHeaders().get("X-Amz-Target") == null ? Protocol.REST_JSON : Protocol.AWS_JSON;
        // 500 is a failure inside the server that reached Jetty, not a malformed request (Jetty answers a request line
        // without a version, a client's fault, with 505)
        boolean internal = (given instanceof Integer code ? code : response.getStatus()) == 500;
        int status = internal ? 500 : status(given, response.getStatus());
        WireException error = internal ? new WireException(INTERNAL, 500, "An internal error occurred.")
                : new WireException(CODE, status, message(status, request.getAttribute(ERROR_MESSAGE)));
        CognitoHttpHandler.writeError(response, callback, renderer.render(error, protocol, error.code()), protocol,
                codec);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, @Nullable String reason, HttpFields.Mutable fields) {
        int shown = status(status, 400);
        ErrorRenderer.Rendered rendered = renderer.render(new WireException(CODE, shown, message(shown, reason)),
                Protocol.REST_JSON, CODE);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("x-amzn-ErrorType", rendered.code());
        return ByteBuffer.wrap(codec.write(rendered.body()));
    }

    private static int status(@Nullable Object status, int fallback) {
        int code = status instanceof Integer given ? given : fallback;
        return code >= 400 && code < 500 ? code : 400;
    }

    private static String message(int status, @Nullable Object reason) {
        if (status == 414) {
            return "The request URI is too long";
        }
        if (status == 431) {
            return "The request headers are too large";
        }
        String text = reason == null ? "" : reason.toString();
        boolean plain = PLAIN_REASON.matcher(text).matches() && !text.contains("java") && !text.contains("Exception");
        return plain ? "Malformed request: " + text : "Malformed request";
    }
}
