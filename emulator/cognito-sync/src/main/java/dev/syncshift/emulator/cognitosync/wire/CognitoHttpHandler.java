package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.Caller;
import dev.syncshift.emulator.cognitosync.rules.OperationGate;
import dev.syncshift.emulator.sigv4.QueryParameters;
import dev.syncshift.emulator.sigv4.SignedHttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jetty handler of the emulator: routes each request through {@link Operations}, authenticates it, admits
 * it through the {@link OperationGate} (AWS operations only: faults never touch emulator-only routes), calls its
 * handler and writes the result, or renders the error.
 */
public final class CognitoHttpHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoHttpHandler.class);
    private static final String REQUEST_ID = "x-amzn-RequestId";

    private final Operations operations;
    private final RequestAuthenticator authenticator;
    private final OperationGate gate;
    private final int maxBodyBytes;
    private final JsonCodec codec = new JsonCodec();
    private final ErrorRenderer renderer = new ErrorRenderer();

    /**
     * A handler serving {@code services}.
     *
     * @param maxBodyBytes larger request bodies are refused with 413 before they are read
     */
    public CognitoHttpHandler(Services services, RequestAuthenticator authenticator, OperationGate gate,
            int maxBodyBytes) {
        this.operations = new Operations(new Operations.Handlers(
                new RecordsHandler(services.records()),
                new DatasetsHandler(services.datasets()),
                new IdentityHandler(services),
                PoolHandlers.of(services.pool())));
        this.authenticator = authenticator;
        this.gate = gate;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String target = request.getHeaders().get("X-Amz-Target");
        Protocol protocol = target == null ? Protocol.REST_JSON : Protocol.AWS_JSON;
        String operation = "unknown";
        try {
            Operations.Matched matched = route(request, target);
            operation = matched.route().operation();
            Object result = serve(request, matched);
            write(response, callback, 200, protocol, result == null ? new byte[0] : codec.write(result));
            LOG.debug("{} 200", operation);
        } catch (Throwable error) {
            ErrorRenderer.Rendered rendered = renderer.render(error, protocol, operation);
            if (rendered.status() != 413) {
                drain(request);
            }
            writeError(response, callback, rendered, protocol, codec);
            LOG.debug("{} {} {}", operation, rendered.status(), rendered.code());
        }
        return true;
    }

    /** Sends {@code rendered} in the shape of {@code protocol}. */
    static void writeError(Response response, Callback callback, ErrorRenderer.Rendered rendered, Protocol protocol,
            JsonCodec codec) {
        // Cognito Identity names the type with a trailing colon (the part after it, empty here, is a model URI)
        response.getHeaders().put("x-amzn-ErrorType",
                protocol == Protocol.REST_JSON ? rendered.code() : rendered.code() + ":");
        write(response, callback, rendered.status(), protocol, codec.write(rendered.body()));
    }

    private Operations.Matched route(Request request, @Nullable String target) {
        String method = request.getMethod();
        String rawPath = request.getHttpURI().getPath();
        WellFormedUri.require("path", rawPath);
        WellFormedUri.require("query string", request.getHttpURI().getQuery());
        if (target != null) {
            return operations.matchTarget(target).orElseThrow(() -> new WireException("UnknownOperationException",
                    400, "Unknown operation " + target));
        }
        return operations.matchRest(method, rawPath).orElseThrow(() -> new WireException(
                "UnknownOperationException", 404, "No operation matches " + method + " " + rawPath));
    }

    private @Nullable Object serve(Request request, Operations.Matched matched) throws IOException {
        Route route = matched.route();
        byte[] body = readBody(request, maxBodyBytes);
        Map<String, List<String>> headers = headers(request);
        Caller caller = new Caller.Anonymous();
        if (route.signed()) {
            caller = authenticator.authenticate(new SignedHttpRequest(request.getMethod(),
                    request.getHttpURI().getPath(), request.getHttpURI().getQuery(), headers, body));
        }
        if (route.emulated()) {
            gate.admit(route.operation());
        }
        WireRequest wire = new WireRequest(matched.labels(),
                QueryParameters.firstValues(request.getHttpURI().getQuery()), lowerCase(headers), body, caller, codec);
        return route.handler().handle(wire);
    }

    /** The request's body, refused with 413 when it is over {@code maxBodyBytes}. */
    static byte[] readBody(Request request, int maxBodyBytes) throws IOException {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge(maxBodyBytes);
            }
            return body;
        }
    }

    /**
     * Reads what is left of a refused request's body, so the answer does not cost the client its keep-alive
     * connection (Jetty closes one whose request was not read to the end, often while the client still writes).
     * A body over the size limit is not read: that connection closes.
     */
    private static void drain(Request request) {
        try {
            Content.Source.consumeAll(request);
        } catch (IOException e) {
            LOG.debug("the client went away before its refused request was read: {}", e.toString());
        }
    }

    private static WireException tooLarge(int maxBodyBytes) {
        return new WireException("RequestEntityTooLargeException", 413,
                "Request body exceeds the limit of " + maxBodyBytes + " bytes");
    }

    /** The request's headers by name, each with its values in order. */
    static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private static Map<String, String> lowerCase(Map<String, List<String>> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        return lower;
    }

    // A request id needs to be unique, not secret: UUID.randomUUID's shared SecureRandom showed up as contention.
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private static void write(Response response, Callback callback, int status, Protocol protocol, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type",
                protocol == Protocol.AWS_JSON ? "application/x-amz-json-1.1" : "application/json");
        response.getHeaders().put(REQUEST_ID, requestId());
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
