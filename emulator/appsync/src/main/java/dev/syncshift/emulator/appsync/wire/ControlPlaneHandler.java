package dev.syncshift.emulator.appsync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncshift.emulator.appsync.api.BadRequestException;
import dev.syncshift.emulator.appsync.api.DataSourceDefinition;
import dev.syncshift.emulator.appsync.auth.IamAuthRules;
import dev.syncshift.emulator.appsync.control.ApiSummary;
import dev.syncshift.emulator.appsync.control.CodeError;
import dev.syncshift.emulator.appsync.control.CodeEvaluation;
import dev.syncshift.emulator.appsync.control.ControlPlaneRules;
import dev.syncshift.emulator.appsync.control.FunctionSummary;
import dev.syncshift.emulator.appsync.control.Page;
import dev.syncshift.emulator.appsync.control.ResolverSummary;
import dev.syncshift.emulator.appsync.control.TypeSummary;
import dev.syncshift.emulator.sigv4.PercentDecoding;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-plane operations, in AppSync's REST-JSON wire format, SigV4-checked like {@code /graphql} (AWS AppSync
 * API reference: the pages of the operations {@link ControlPlaneRules} names; what the emulator answers beyond those
 * pages is in the project's {@code docs/appsync-emulator.md}, "Control plane").
 */
final class ControlPlaneHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneHandler.class);

    private final ControlPlaneRules rules;
    private final IamAuthRules auth;
    private final ObjectMapper mapper;

    ControlPlaneHandler(ControlPlaneRules rules, IamAuthRules auth, GraphQlJson json) {
        this.rules = rules;
        this.auth = auth;
        this.mapper = json.mapper();
    }

    void listGraphqlApis(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        Fields query = Request.extractQueryParameters(request);
        Page<ApiSummary> page = rules.graphqlApis(query.getValue("apiType"), query.getValue("owner"),
                maxResults(query), query.getValue("nextToken"));
        ObjectNode out = mapper.createObjectNode();
        ArrayNode apis = out.putArray("graphqlApis");
        page.items().forEach(api -> apis.add(graphqlApi(request, api)));
        send(response, callback, "ListGraphqlApis", withToken(out, page.nextToken()));
    }

    void getGraphqlApi(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        ObjectNode api = graphqlApi(request, rules.graphqlApi(path.group(1)));
        send(response, callback, "GetGraphqlApi", mapper.createObjectNode().set("graphqlApi", api));
    }

    private ObjectNode graphqlApi(Request request, ApiSummary api) {
        String authority = Request.getServerName(request) + ":" + Request.getServerPort(request);
        ObjectNode out = mapper.createObjectNode();
        out.put("apiId", api.apiId()).put("name", api.name()).put("authenticationType", api.authenticationType())
                .put("arn", api.arn()).put("apiType", "GRAPHQL").put("visibility", "GLOBAL")
                .put("introspectionConfig", "ENABLED").put("owner", api.owner()).put("xrayEnabled", false);
        out.putObject("uris").put("GRAPHQL", "http://" + authority + Operations.GRAPHQL)
                .put("REALTIME", "ws://" + authority + Operations.REALTIME);
        api.tags().forEach(out.putObject("tags")::put);
        return out;
    }

    void getEnvironmentVariables(Request request, Response response, Callback callback, Matcher path)
            throws IOException {
        authenticate(request);
        ObjectNode out = mapper.createObjectNode();
        rules.environmentVariables(path.group(1)).forEach(out.putObject("environmentVariables")::put);
        send(response, callback, "GetGraphqlApiEnvironmentVariables", out);
    }

    void listDataSources(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        Fields query = Request.extractQueryParameters(request);
        Page<DataSourceDefinition> page = rules.dataSources(path.group(1), maxResults(query),
                query.getValue("nextToken"));
        ObjectNode out = mapper.createObjectNode();
        ArrayNode dataSources = out.putArray("dataSources");
        page.items().forEach(d -> dataSources.add(dataSource(d)));
        send(response, callback, "ListDataSources", withToken(out, page.nextToken()));
    }

    void getDataSource(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        ObjectNode dataSource = dataSource(rules.dataSource(path.group(1), path.group(2)));
        send(response, callback, "GetDataSource", mapper.createObjectNode().set("dataSource", dataSource));
    }

    private ObjectNode dataSource(DataSourceDefinition d) {
        ObjectNode out = mapper.createObjectNode().put("dataSourceArn", rules.dataSourceArn(d)).put("name", d.name())
                .put("type", d.type());
        if (d.tableName() != null) {
            out.putObject("dynamodbConfig").put("tableName", d.tableName()).put("awsRegion", rules.region())
                    .put("useCallerCredentials", false).put("versioned", false);
        }
        return out;
    }

    void getResolver(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        ObjectNode resolver = mapper.createObjectNode();
        resolver(resolver, rules.resolver(path.group(1), path.group(2), path.group(3)));
        send(response, callback, "GetResolver", mapper.createObjectNode().set("resolver", resolver));
    }

    void getFunction(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        ObjectNode function = function(rules.function(path.group(1), path.group(2)));
        send(response, callback, "GetFunction", mapper.createObjectNode().set("functionConfiguration", function));
    }

    void getIntrospectionSchema(Request request, Response response, Callback callback, Matcher path)
            throws IOException {
        authenticate(request);
        Fields query = Request.extractQueryParameters(request);
        String include = query.getValue("includeDirectives");
        Object schema = rules.introspectionSchema(path.group(1), query.getValue("format"),
                include == null || Boolean.parseBoolean(include));
        String body = schema instanceof String sdl ? sdl : mapper.writeValueAsString(schema);
        LOG.debug("GetIntrospectionSchema status=200");
        ErrorRenderer.send(response, callback, 200, body, "");
    }

    void listTypes(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        Fields query = Request.extractQueryParameters(request);
        Page<TypeSummary> page = rules.types(path.group(1), query.getValue("format"), maxResults(query),
                query.getValue("nextToken"));
        ObjectNode out = mapper.createObjectNode();
        ArrayNode types = out.putArray("types");
        for (TypeSummary type : page.items()) {
            types.add(type(type));
        }
        send(response, callback, "ListTypes", withToken(out, page.nextToken()));
    }

    void getType(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        TypeSummary type = rules.type(path.group(1), path.group(2),
                Request.extractQueryParameters(request).getValue("format"));
        send(response, callback, "GetType", mapper.createObjectNode().set("type", type(type)));
    }

    private ObjectNode type(TypeSummary type) throws IOException {
        ObjectNode out = mapper.createObjectNode().put("name", type.name());
        if (type.description() != null) {
            out.put("description", type.description());
        }
        Object definition = type.definition();
        return out.put("arn", type.arn()).put("definition", definition instanceof String sdl ? sdl
                : mapper.writeValueAsString(definition)).put("format", type.format());
    }

    void listTagsForResource(Request request, Response response, Callback callback, Matcher path)
            throws IOException {
        authenticate(request);
        ObjectNode out = mapper.createObjectNode();
        rules.tags(PercentDecoding.decode(path.group(1))).forEach(out.putObject("tags")::put);
        send(response, callback, "ListTagsForResource", out);
    }

    void listResolvers(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        Fields query = Request.extractQueryParameters(request);
        Page<ResolverSummary> page = rules.resolvers(path.group(1), path.group(2), maxResults(query),
                query.getValue("nextToken"));
        ObjectNode out = mapper.createObjectNode();
        ArrayNode resolvers = out.putArray("resolvers");
        page.items().forEach(r -> resolver(resolvers.addObject(), r));
        send(response, callback, "ListResolvers", withToken(out, page.nextToken()));
    }

    void listFunctions(Request request, Response response, Callback callback, Matcher path) throws IOException {
        authenticate(request);
        Fields query = Request.extractQueryParameters(request);
        Page<FunctionSummary> page = rules.functions(path.group(1), maxResults(query), query.getValue("nextToken"));
        ObjectNode out = mapper.createObjectNode();
        ArrayNode functions = out.putArray("functions");
        page.items().forEach(f -> functions.add(function(f)));
        send(response, callback, "ListFunctions", withToken(out, page.nextToken()));
    }

    private ObjectNode function(FunctionSummary f) {
        ObjectNode function = mapper.createObjectNode();
        function.put("functionId", f.functionId()).put("functionArn", f.functionArn()).put("name", f.name())
                .put("dataSourceName", f.dataSourceName()).put("functionVersion", "2018-05-29")
                .put("maxBatchSize", 0).put("code", f.code());
        runtime(function);
        return function;
    }

    void evaluateCode(Request request, Response response, Callback callback, Matcher path) throws IOException {
        JsonNode body = mapper.readTree(authenticate(request));
        if (body == null || !body.isObject() || !body.path("code").isTextual() || !body.path("context").isTextual()
                || !body.path("runtime").isObject()) {
            throw new BadRequestException("runtime, code and context are required.");
        }
        String context = body.get("context").asText();
        CodeEvaluation evaluation = rules.evaluateCode(
                List.of(body.at("/runtime/name").asText(""), body.at("/runtime/runtimeVersion").asText("")),
                body.get("code").asText(), contextMap(context), context.length(),
                body.path("function").isTextual() ? body.get("function").asText() : null);
        send(response, callback, "EvaluateCode", evaluation(evaluation));
    }

    private ObjectNode evaluation(CodeEvaluation evaluation) throws IOException {
        ObjectNode out = mapper.createObjectNode();
        if (evaluation.errorMessage() == null) {
            out.put("evaluationResult", mapper.writeValueAsString(evaluation.evaluationResult()));
        } else {
            ObjectNode error = out.putObject("error").put("message", evaluation.errorMessage());
            ArrayNode codeErrors = error.putArray("codeErrors");
            for (CodeError codeError : evaluation.codeErrors()) {
                ObjectNode e = codeErrors.addObject()
                        .put("errorType", codeError.errorType()).put("value", codeError.value());
                if (codeError.line() > 0) {
                    e.putObject("location").put("line", codeError.line()).put("column", codeError.column())
                            .put("span", codeError.span());
                }
            }
        }
        evaluation.logs().forEach(out.putArray("logs")::add);
        out.put("stash", mapper.writeValueAsString(evaluation.stash()));
        out.put("outErrors", mapper.writeValueAsString(evaluation.outErrors()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, @Nullable Object> contextMap(String context) {
        JsonNode parsed;
        try {
            parsed = mapper.readTree(context);
        } catch (IOException e) {
            throw new BadRequestException("Unable to parse the context: it must be a JSON object.");
        }
        if (parsed == null || !parsed.isObject()) {
            throw new BadRequestException("Unable to parse the context: it must be a JSON object.");
        }
        return mapper.convertValue(parsed, Map.class);
    }

    private void resolver(ObjectNode out, ResolverSummary r) {
        out.put("typeName", r.typeName()).put("fieldName", r.fieldName()).put("resolverArn", r.resolverArn())
                .put("kind", r.kind()).put("maxBatchSize", 0).put("code", r.code());
        if (r.dataSourceName() != null) {
            out.put("dataSourceName", r.dataSourceName());
        }
        if (r.kind().equals("PIPELINE")) {
            r.functionIds().forEach(out.putObject("pipelineConfig").putArray("functions")::add);
        }
        runtime(out);
    }

    private static void runtime(ObjectNode out) {
        out.putObject("runtime").put("name", "APPSYNC_JS").put("runtimeVersion", "1.0.0");
    }

    private static ObjectNode withToken(ObjectNode out, @Nullable String nextToken) {
        if (nextToken != null) {
            out.put("nextToken", nextToken);
        }
        return out;
    }

    private static @Nullable Integer maxResults(Fields query) {
        String value = query.getValue("maxResults");
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException("maxResults must be a number.");
        }
    }

    /** Checks the signature; returns the body it covered. */
    private byte[] authenticate(Request request) throws IOException {
        byte[] body = Content.Source.asInputStream(request).readAllBytes();
        auth.authenticate(GraphQlHandler.signedRequest(request, body));
        return body;
    }

    private void send(Response response, Callback callback, String operation, JsonNode body) throws IOException {
        LOG.debug("{} status=200", operation);
        ErrorRenderer.send(response, callback, 200, mapper.writeValueAsString(body), "");
    }
}
