package dev.syncshift.emulator.appsync.wire;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.Content;
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
    static final String CONTROL_PLANE = "/v1/";
    /** The header in which AppSync names each request, on every answer. */
    static final String REQUEST_ID = "x-amzn-RequestId";
    /**
     * A control-plane request no route serves, in the control plane's REST-JSON shape ({@code message}, and the
     * name in {@code x-amzn-ErrorType}), so that SDKs show the reason rather than an empty message.
     */
    private static final String UNSERVED_OPERATION = "{\"message\":\"The AppSync emulator's control plane is "
            + "read-only: it serves ListGraphqlApis, GetGraphqlApi, GetGraphqlApiEnvironmentVariables, "
            + "GetIntrospectionSchema, ListTypes, GetType, ListDataSources, GetDataSource, ListResolvers, GetResolver, "
            + "ListFunctions, GetFunction, ListTagsForResource and EvaluateCode\"}";

    /** What an operation's handler gets: the request, and its path matched against the route's pattern. */
    @FunctionalInterface
    interface Endpoint {
        void handle(Request request, Response response, Callback callback, Matcher path) throws Exception;
    }

    /**
     * One operation.
     *
     * @param name its AWS name
     * @param method the HTTP method
     * @param path the path pattern; groups are the path's parameters
     * @param controlPlane whether failures are rendered in the control plane's REST-JSON shape
     * @param endpoint the handler
     */
    private record Route(String name, String method, Pattern path, boolean controlPlane, Endpoint endpoint) {
    }

    private final List<Route> routes;
    private final ErrorRenderer errors;

    Operations(GraphQlHandler graphQl, ControlPlaneHandler control, ErrorRenderer errors) {
        this.errors = errors;
        this.routes = List.of(
                new Route("GraphQL", "POST", Pattern.compile(GRAPHQL), false,
                        (request, response, callback, path) -> graphQl.handle(request, response, callback)),
                new Route("ListGraphqlApis", "GET", Pattern.compile("/v1/apis"), true, control::listGraphqlApis),
                new Route("GetGraphqlApi", "GET", Pattern.compile("/v1/apis/([^/]+)"), true, control::getGraphqlApi),
                new Route("GetGraphqlApiEnvironmentVariables", "GET",
                        Pattern.compile("/v1/apis/([^/]+)/environmentVariables"), true,
                        control::getEnvironmentVariables),
                new Route("GetIntrospectionSchema", "GET", Pattern.compile("/v1/apis/([^/]+)/schema"), true,
                        control::getIntrospectionSchema),
                new Route("ListTypes", "GET", Pattern.compile("/v1/apis/([^/]+)/types"), true, control::listTypes),
                new Route("GetType", "GET", Pattern.compile("/v1/apis/([^/]+)/types/([^/]+)"), true,
                        control::getType),
                new Route("ListDataSources", "GET", Pattern.compile("/v1/apis/([^/]+)/datasources"), true,
                        control::listDataSources),
                new Route("GetDataSource", "GET", Pattern.compile("/v1/apis/([^/]+)/datasources/([^/]+)"), true,
                        control::getDataSource),
                new Route("ListResolvers", "GET", Pattern.compile("/v1/apis/([^/]+)/types/([^/]+)/resolvers"), true,
                        control::listResolvers),
                new Route("GetResolver", "GET",
                        Pattern.compile("/v1/apis/([^/]+)/types/([^/]+)/resolvers/([^/]+)"), true,
                        control::getResolver),
                new Route("ListFunctions", "GET", Pattern.compile("/v1/apis/([^/]+)/functions"), true,
                        control::listFunctions),
                new Route("GetFunction", "GET", Pattern.compile("/v1/apis/([^/]+)/functions/([^/]+)"), true,
                        control::getFunction),
                new Route("ListTagsForResource", "GET", Pattern.compile("/v1/tags/([^/]+)"), true,
                        control::listTagsForResource),
                new Route("EvaluateCode", "POST", Pattern.compile("/v1/dataplane-evaluatecode"), true,
                        control::evaluateCode));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(REQUEST_ID, requestId());
        String path = request.getHttpURI().getPath();
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (matcher.matches() && route.method().equals(request.getMethod())) {
                try {
                    route.endpoint().handle(request, response, callback, matcher);
                } catch (Exception e) {
                    drain(request);
                    errors.render(response, callback, e, route.controlPlane());
                }
                return true;
            }
        }
        drain(request);
        if (path.startsWith(CONTROL_PLANE)) {
            ErrorRenderer.send(response, callback, 404, UNSERVED_OPERATION, "UnknownOperationException");
        } else {
            ErrorRenderer.send(response, callback, 404, "{\"errors\":[{\"errorType\":\"NotFound\","
                    + "\"message\":\"Only POST /graphql, the real-time socket and the control plane's /v1 operations "
                    + "are served\"}]}", "NotFound");
        }
        return true;
    }

    /** A new request id, in the form AppSync's have. */
    static String requestId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Reads what is left of a refused request's body, so the answer does not cost the client its keep-alive
     * connection (Jetty closes one whose request was not read to the end, often while the client still writes).
     */
    private static void drain(Request request) {
        try {
            Content.Source.consumeAll(request);
        } catch (IOException e) {
            // The client went away or broke the framing: Jetty closes the connection, as it must.
        }
    }
}
