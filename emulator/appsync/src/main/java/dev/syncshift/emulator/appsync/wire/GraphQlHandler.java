package dev.syncshift.emulator.appsync.wire;

import dev.syncshift.emulator.appsync.auth.IamAuthRules;
import dev.syncshift.emulator.appsync.fault.FaultPlan;
import dev.syncshift.emulator.appsync.auth.Identity;
import dev.syncshift.emulator.appsync.auth.SignedRequest;
import dev.syncshift.emulator.appsync.rules.GraphQlRequest;
import dev.syncshift.emulator.appsync.rules.GraphQlRules;
import graphql.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /graphql}: SigV4 check, then GraphQL execution; field failures come back in an HTTP 200
 * (AWS docs {@code aws-appsync-real-time-data.html}, {@code security-authz.html}; the project's
 * {@code docs/appsync-emulator.md}, "Authorization").
 */
final class GraphQlHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlHandler.class);

    private final GraphQlRules rules;
    private final IamAuthRules auth;
    private final GraphQlJson json;
    private final FaultPlan.Gate faults;

    GraphQlHandler(GraphQlRules rules, IamAuthRules auth, GraphQlJson json, FaultPlan.Gate faults) {
        this.rules = rules;
        this.auth = auth;
        this.json = json;
        this.faults = faults;
    }

    void handle(Request request, Response response, Callback callback) throws Exception {
        byte[] body = Content.Source.asInputStream(request).readAllBytes();
        // after the body is read: a refusal that leaves it unread makes Jetty close a connection the client reuses
        faults.admit();
        Map<String, String> headers = headers(request);
        Identity identity = auth.authenticate(signedRequest(request, body));
        GraphQlRequest graphQlRequest = json.request(body);
        ExecutionResult result = rules.execute(graphQlRequest, identity, headers);
        LOG.debug("graphql {} status=200 errors={}", graphQlRequest.operationName(), result.getErrors().size());
        ErrorRenderer.send(response, callback, 200, json.write(json.result(result)), "");
    }

    static SignedRequest signedRequest(Request request, byte[] body) {
        return new SignedRequest(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                headers(request), body, Request.getRemoteAddr(request));
    }

    static Map<String, String> headers(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName(), field.getValue(), (a, b) -> a + "," + b);
        }
        return headers;
    }
}
