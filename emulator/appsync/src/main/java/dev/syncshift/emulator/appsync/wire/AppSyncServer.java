package dev.syncshift.emulator.appsync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.api.AppSyncServiceException;
import dev.syncshift.emulator.appsync.auth.IamAuthRules;
import dev.syncshift.emulator.appsync.auth.SignedRequest;
import dev.syncshift.emulator.appsync.fault.FaultPlan;
import dev.syncshift.emulator.appsync.rules.GraphQlRules;
import dev.syncshift.emulator.sigv4.QueryParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * The Jetty server: {@code POST /graphql}, the real-time socket {@code /graphql/realtime} and the control plane's
 * {@code /v1/...} operations on one port.
 * Connection authorization comes from the {@code header} query parameter (base64 JSON), a {@code header-…}
 * subprotocol, or the upgrade request's own headers; either way it is the SigV4 signature of
 * {@code POST /graphql/connect} with body {@code {}} (AWS docs {@code real-time-websocket-client.html}).
 */
public final class AppSyncServer implements AutoCloseable {

    private static final byte[] CONNECT_BODY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final String HEADER_SUBPROTOCOL = "header-";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Server server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "appsync-keepalive");
        t.setDaemon(true);
        return t;
    });

    private AppSyncServer(String host, int port, GraphQlRules rules, IamAuthRules auth, Duration keepAlive,
            Duration connectionTimeout,
            FaultPlan faults) {
        GraphQlJson json = new GraphQlJson();
        RealtimeContext realtime = new RealtimeContext(rules, auth, json, timer, keepAlive, connectionTimeout);
        server = new Server();
        server.setErrorHandler(new MalformedRequestHandler(json));
        HttpConfiguration http = new HttpConfiguration();
        // Jetty's header cache may otherwise hand back a cached field whose value differs in case
        // (charset=utf-8 for charset=UTF-8), and SigV4 signs header values byte for byte.
        http.setHeaderCacheCaseSensitive(true);
        // AppSync does not announce Jetty.
        http.setSendServerVersion(false);
        // ListTagsForResource carries an ARN in one path segment, its slash sent as %2F by every SDK; routes match
        // the path as sent (split on raw slashes) and decode the segment after, so the escape is not ambiguous here.
        http.setUriCompliance(UriCompliance.DEFAULT.with("AppSync", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(connectionTimeout);
            container.addMapping(Operations.REALTIME, (request, response, callback) -> {
                if (request.hasSubProtocol("graphql-ws")) {
                    response.setAcceptedSubProtocol("graphql-ws");
                }
                return new RealtimeEndpoint(realtime, connectionFailure(request, auth),
                        Request.getRemoteAddr(request));
            });
        });
        upgrade.setHandler(new Operations(new GraphQlHandler(rules, auth, json, faults.gate()),
                new ControlPlaneHandler(rules.controlPlane(), auth, json), new ErrorRenderer(json)));
        CrossOriginHandler browsers = browsers();
        browsers.setHandler(upgrade);
        server.setHandler(browsers);
    }

    /**
     * Pages of any origin may call the API, as AppSync's endpoints allow browsers: a preflight is answered with the
     * headers SigV4, API-key and the AWS SDKs' requests carry, and answers expose AppSync's own headers (no
     * credentials: SigV4 is a header). The headers are listed because a wildcard never covers {@code authorization}.
     */
    private static CrossOriginHandler browsers() {
        CrossOriginHandler browsers = new CrossOriginHandler();
        browsers.setAllowedOriginPatterns(Set.of("*"));
        browsers.setAllowedMethods(Set.of("GET", "POST"));
        browsers.setAllowedHeaders(Set.of("authorization", "content-type", "x-amz-date", "x-amz-security-token",
                "x-amz-content-sha256", "x-amz-user-agent", "x-api-key", "amz-sdk-invocation-id", "amz-sdk-request"));
        browsers.setExposedHeaders(Set.of("x-amzn-RequestId", "x-amzn-ErrorType", "x-amz-user-agent",
                "x-amzn-ErrorMessage", "Date", "x-amz-schema-version"));
        browsers.setPreflightMaxAge(Duration.ofDays(2));
        return browsers;
    }

    /**
     * Starts the server.
     *
     * @param host the address to bind, normally {@code 127.0.0.1}
     * @param port the port, 0 for any free one
     * @param rules the API
     * @param auth SigV4 verification
     * @param keepAlive the real-time {@code ka} interval
     * @param connectionTimeout the real-time {@code connectionTimeoutMs}, after which an idle connection is closed
     * @param faults the faults injected into {@code POST /graphql}
     * @return the running server
     * @throws Exception when Jetty cannot start
     */
    public static AppSyncServer start(String host, int port, GraphQlRules rules, IamAuthRules auth,
            Duration keepAlive, Duration connectionTimeout, FaultPlan faults) throws Exception {
        AppSyncServer appSyncServer = new AppSyncServer(host, port, rules, auth, keepAlive, connectionTimeout,
                faults);
        appSyncServer.server.start();
        return appSyncServer;
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static @Nullable AppSyncServiceException connectionFailure(ServerUpgradeRequest request,
            IamAuthRules auth) {
        try {
            auth.authenticate(new SignedRequest("POST", Operations.GRAPHQL + "/connect", null,
                    connectionHeaders(request), CONNECT_BODY, Request.getRemoteAddr(request)));
            return null;
        } catch (AppSyncServiceException e) {
            return e;
        }
    }

    /**
     * The connection's authorization: the {@code header} query parameter (base64 JSON; {@code +} is base64's, not a
     * space), else a {@code header-<base64url JSON>} subprotocol beside {@code graphql-ws} (Amplify JS v6), else the
     * upgrade request's own headers.
     */
    private static Map<String, String> connectionHeaders(ServerUpgradeRequest request) {
        String header = QueryParameters.first(request.getHttpURI().getQuery(), "header");
        if (header != null) {
            return decodedHeaders(header);
        }
        for (String protocol : request.getSubProtocols()) {
            if (protocol.startsWith(HEADER_SUBPROTOCOL)) {
                return decodedHeaders(protocol.substring(HEADER_SUBPROTOCOL.length()));
            }
        }
        return GraphQlHandler.headers(request);
    }

    /** Base64 (standard or URL-safe, padded or not) of a JSON object of header names and string values. */
    private static Map<String, String> decodedHeaders(String base64) {
        String standard = base64.strip().replace('-', '+').replace('_', '/');
        try {
            byte[] json = Base64.getDecoder().decode(standard + "=".repeat((4 - standard.length() % 4) % 4));
            JsonNode parsed = MAPPER.readTree(json);
            Map<String, String> headers = new LinkedHashMap<>();
            if (parsed != null && parsed.isObject()) {
                parsed.fields().forEachRemaining(f -> headers.put(f.getKey(), f.getValue().isTextual()
                        ? f.getValue().asText() : f.getValue().toString()));
            }
            return headers;
        } catch (IllegalArgumentException | IOException e) {
            return Map.of();
        }
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        server.stop();
    }
}
