package dev.syncshift.emulator.appsync.wire;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The routing table: every HTTP operation of the emulator and its handler. The real-time WebSocket
 * ({@code GET /graphql/realtime}, subprotocol {@code graphql-ws}) is mapped by {@link AppSyncServer} in
 * front of this table.
 */
final class Operations extends Handler.Abstract {

    static final String GRAPHQL = "/graphql";
    static final String REALTIME = "/graphql/realtime";

    private final GraphQlHandler graphQl;
    private final ErrorRenderer errors;

    Operations(GraphQlHandler graphQl, ErrorRenderer errors) {
        this.graphQl = graphQl;
        this.errors = errors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (!GRAPHQL.equals(path) || !"POST".equals(request.getMethod())) {
            ErrorRenderer.send(response, callback, 404, "{\"errors\":[{\"errorType\":\"NotFound\","
                    + "\"message\":\"Only POST /graphql and the real-time socket are served\"}]}", "NotFound");
            return true;
        }
        try {
            graphQl.handle(request, response, callback);
        } catch (Exception e) {
            errors.render(response, callback, e);
        }
        return true;
    }
}
