package dev.syncshift.emulator.appsync.wire;

import dev.syncshift.emulator.appsync.rules.AppSyncServiceException;
import dev.syncshift.emulator.appsync.rules.GraphQlRules;
import dev.syncshift.emulator.appsync.rules.IamAuthRules;
import dev.syncshift.emulator.appsync.rules.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * The Jetty server: {@code POST /graphql}, the real-time socket {@code /graphql/realtime} and the control plane's
 * {@code /v1/...} operations on one port.
 * Connection authorization comes from the {@code header} query parameter (base64 JSON) or, as current AWS
 * clients send it, from the upgrade request's own headers (appsync.md §4.1); either way it is the SigV4
 * signature of {@code POST /graphql/connect} with body {@code {}}.
 */
public final class AppSyncServer implements AutoCloseable {

    private static final byte[] CONNECT_BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final Server server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "appsync-keepalive");
        t.setDaemon(true);
        return t;
    });

    private AppSyncServer(String host, int port, GraphQlRules rules, IamAuthRules auth, Duration keepAlive) {
        GraphQlJson json = new GraphQlJson();
        RealtimeContext realtime = new RealtimeContext(rules, auth, json, timer, keepAlive);
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        // Jetty's header cache may otherwise hand back a cached field whose value differs in case
        // (charset=utf-8 for charset=UTF-8), and SigV4 signs header values byte for byte.
        http.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Duration.ofMillis(RealtimeEndpoint.CONNECTION_TIMEOUT_MS));
            container.addMapping(Operations.REALTIME, (request, response, callback) -> {
                if (request.hasSubProtocol("graphql-ws")) {
                    response.setAcceptedSubProtocol("graphql-ws");
                }
                return new RealtimeEndpoint(realtime, connectionFailure(request, auth),
                        Request.getRemoteAddr(request));
            });
        });
        upgrade.setHandler(new Operations(new GraphQlHandler(rules, auth, json),
                new ControlPlaneHandler(rules.controlPlane(), auth, json), new ErrorRenderer(json)));
        server.setHandler(upgrade);
    }

    /**
     * Starts the server.
     *
     * @param host the address to bind, normally {@code 127.0.0.1}
     * @param port the port, 0 for any free one
     * @param rules the API
     * @param auth SigV4 verification
     * @param keepAlive the real-time {@code ka} interval
     * @return the running server
     * @throws Exception when Jetty cannot start
     */
    public static AppSyncServer start(String host, int port, GraphQlRules rules, IamAuthRules auth,
            Duration keepAlive) throws Exception {
        AppSyncServer appSyncServer = new AppSyncServer(host, port, rules, auth, keepAlive);
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

    @SuppressWarnings("unchecked")
    private static Map<String, String> connectionHeaders(ServerUpgradeRequest request) {
        Fields query = Request.extractQueryParameters(request);
        String header = query.getValue("header");
        if (header != null) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8);
                Map<String, Object> parsed = new GraphQlJson().mapper().readValue(decoded, Map.class);
                Map<String, String> headers = new LinkedHashMap<>();
                parsed.forEach((k, v) -> headers.put(k, String.valueOf(v)));
                return headers;
            } catch (Exception e) {
                return Map.of();
            }
        }
        return GraphQlHandler.headers(request);
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        server.stop();
    }
}
