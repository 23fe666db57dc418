package dev.syncshift.emulator.appsync.control;

import dev.syncshift.emulator.appsync.api.ApiDefinition;
import dev.syncshift.emulator.appsync.api.BadRequestException;
import dev.syncshift.emulator.appsync.api.DataSourceDefinition;
import dev.syncshift.emulator.appsync.api.FunctionDefinition;
import dev.syncshift.emulator.appsync.api.NotFoundException;
import dev.syncshift.emulator.appsync.api.ResolverDefinition;
import dev.syncshift.emulator.appsync.js.HandlerOutcome;
import dev.syncshift.emulator.appsync.js.JsCodeException;
import dev.syncshift.emulator.appsync.js.JsError;
import dev.syncshift.emulator.appsync.js.JsRuntime;
import dev.syncshift.emulator.appsync.js.JsSyntaxError;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The control-plane operations the emulator serves for its one API (AWS AppSync API reference): ListGraphqlApis,
 * GetGraphqlApi, GetGraphqlApiEnvironmentVariables, GetIntrospectionSchema, ListTypes, GetType, ListDataSources,
 * GetDataSource, ListResolvers, GetResolver, ListFunctions, GetFunction, ListTagsForResource and EvaluateCode.
 * Read-only: the template is the only way to change the API.
 */
public final class ControlPlaneRules {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    private static final int MAX_RESULTS = 25;
    private static final int MAX_CODE = 32_768;
    private static final int MAX_CONTEXT = 28_000;
    private static final Set<String> FUNCTIONS = Set.of("request", "response");
    /** What ListTagsForResource accepts as a resource (AppSync API reference, ListTagsForResource). */
    private static final Pattern API_ARN = Pattern.compile(
            "^arn:aws:appsync:[A-Za-z0-9_/.-]{0,63}:\\d{12}:apis/[0-9A-Za-z_-]{26}$");
    private static final int MIN_ARN = 70;
    private static final int MAX_ARN = 75;

    private final ApiDefinition api;
    private final String apiId;
    private final SchemaTypes types;
    private final JsRuntime js;

    /**
     * Creates the operations over one API.
     *
     * @param api the API's definitions
     * @param schema its executable schema
     * @param graphQl the engine running it, for introspection
     * @param js the runtime, for EvaluateCode
     */
    public ControlPlaneRules(ApiDefinition api, GraphQLSchema schema, GraphQL graphQl, JsRuntime js) {
        this.api = api;
        this.apiId = api.apiId();
        this.types = new SchemaTypes(schema, graphQl);
        this.js = js;
    }

    /**
     * GetGraphqlApi.
     *
     * @param id the requested API id
     * @return the API
     * @throws NotFoundException when the id is not this API's
     */
    public ApiSummary graphqlApi(String id) {
        requireApi(id);
        return new ApiSummary(apiId, api.name(), api.authenticationType(), apiArn(), ACCOUNT, api.tags());
    }

    /**
     * ListGraphqlApis: this emulator's one API, unless the filters leave it out.
     *
     * @param apiType {@code GRAPHQL} or {@code MERGED}, or null for both
     * @param owner {@code CURRENT_ACCOUNT} or {@code OTHER_ACCOUNTS}, or null for both
     * @param maxResults the page size, 1 to 25, or null (or 0) for 25
     * @param nextToken the previous page's token, or null for the first page
     * @return the page
     * @throws BadRequestException when a filter, the page size or the token is invalid
     */
    public Page<ApiSummary> graphqlApis(@Nullable String apiType, @Nullable String owner,
            @Nullable Integer maxResults, @Nullable String nextToken) {
        boolean graphql = apiType == null || oneOf("apiType", apiType, "GRAPHQL", "MERGED").equals("GRAPHQL");
        boolean ours = owner == null || oneOf("owner", owner, "CURRENT_ACCOUNT", "OTHER_ACCOUNTS")
                .equals("CURRENT_ACCOUNT");
        List<ApiSummary> all = graphql && ours ? List.of(graphqlApi(apiId)) : List.of();
        return page(all, "apis", maxResults, nextToken);
    }

    /**
     * GetGraphqlApiEnvironmentVariables: the template's {@code EnvironmentVariables}, which resolvers read as
     * {@code ctx.env}.
     *
     * @param id the API id
     * @return the variables by name
     * @throws NotFoundException when the id is not this API's
     */
    public Map<String, String> environmentVariables(String id) {
        requireApi(id);
        return new TreeMap<>(api.environment());
    }

    /**
     * ListDataSources: the data sources the resolvers and functions use, in the order they first name them.
     *
     * @param id the API id
     * @param maxResults the page size, 1 to 25, or null (or 0) for 25
     * @param nextToken the previous page's token, or null for the first page
     * @return the page
     * @throws NotFoundException when the id is not this API's
     * @throws BadRequestException when the page size or token is invalid
     */
    public Page<DataSourceDefinition> dataSources(String id, @Nullable Integer maxResults,
            @Nullable String nextToken) {
        requireApi(id);
        return page(allDataSources(), "datasources", maxResults, nextToken);
    }

    /**
     * GetDataSource.
     *
     * @param id the API id
     * @param name the data source's name
     * @return the data source
     * @throws NotFoundException when the id is not this API's, or it has no data source of that name
     */
    public DataSourceDefinition dataSource(String id, String name) {
        requireApi(id);
        return allDataSources().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("No data source found named " + name + "."));
    }

    /**
     * The data source's ARN, as AppSync names it.
     *
     * @param dataSource one of this API's data sources
     * @return {@code arn:aws:appsync:<region>:<account>:apis/<apiId>/datasources/<name>}
     */
    public String dataSourceArn(DataSourceDefinition dataSource) {
        return apiArn() + "/datasources/" + dataSource.name();
    }

    /**
     * The API's region.
     *
     * @return the region
     */
    public String region() {
        return REGION;
    }

    /**
     * GetResolver.
     *
     * @param id the API id
     * @param typeName the type
     * @param fieldName the field
     * @return the field's resolver
     * @throws NotFoundException when the id is not this API's, or the field has no resolver
     */
    public ResolverSummary resolver(String id, String typeName, String fieldName) {
        requireApi(id);
        return api.resolvers().stream().filter(r -> r.typeName().equals(typeName) && r.fieldName().equals(fieldName))
                .findFirst().map(this::summary).orElseThrow(() -> new NotFoundException("No resolver found."));
    }

    /**
     * GetFunction.
     *
     * @param id the API id
     * @param functionId the function's id, as ListFunctions gives it
     * @return the function
     * @throws NotFoundException when the id is not this API's, or it has no function of that id
     */
    public FunctionSummary function(String id, String functionId) {
        requireApi(id);
        return api.functions().stream().filter(f -> f.functionId().equals(functionId)).findFirst()
                .map(this::summary).orElseThrow(() -> new NotFoundException("No function found."));
    }

    /**
     * GetIntrospectionSchema.
     *
     * @param id the API id
     * @param format {@code SDL} or {@code JSON}
     * @param includeDirectives whether the SDL keeps directives such as {@code @aws_subscribe}
     * @return the SDL text, or the introspection result ({@code {"data": {"__schema": …}}}) as plain maps
     * @throws NotFoundException when the id is not this API's
     * @throws BadRequestException when the format is neither
     */
    public Object introspectionSchema(String id, @Nullable String format, boolean includeDirectives) {
        requireApi(id);
        return SchemaTypes.SDL.equals(SchemaTypes.checkFormat(format)) ? types.sdl(includeDirectives)
                : types.introspection();
    }

    /**
     * ListTypes: the object, input, interface, union and enum types the schema declares, by name.
     *
     * @param id the API id
     * @param format {@code SDL} or {@code JSON}
     * @param maxResults the page size, 1 to 25, or null (or 0) for 25
     * @param nextToken the previous page's token, or null for the first page
     * @return the page
     * @throws NotFoundException when the id is not this API's
     * @throws BadRequestException when the format, the page size or the token is invalid
     */
    public Page<TypeSummary> types(String id, @Nullable String format, @Nullable Integer maxResults,
            @Nullable String nextToken) {
        requireApi(id);
        String checked = SchemaTypes.checkFormat(format);
        return page(types.all(checked, this::typeArn), "types/" + checked, maxResults, nextToken);
    }

    /**
     * GetType.
     *
     * @param id the API id
     * @param typeName the type's name
     * @param format {@code SDL} or {@code JSON}
     * @return the type
     * @throws NotFoundException when the id is not this API's, or the schema declares no such type
     * @throws BadRequestException when the format is invalid
     */
    public TypeSummary type(String id, String typeName, @Nullable String format) {
        requireApi(id);
        return types.one(typeName, SchemaTypes.checkFormat(format), typeArn(typeName))
                .orElseThrow(() -> new NotFoundException("Type " + typeName + " not found."));
    }

    /**
     * ListTagsForResource: the template's {@code Tags} of the API.
     *
     * @param resourceArn the API's ARN
     * @return the tags by key
     * @throws BadRequestException when the ARN is not a GraphQL API's
     * @throws NotFoundException when it is another API's
     */
    public Map<String, String> tags(String resourceArn) {
        if (resourceArn.length() < MIN_ARN || resourceArn.length() > MAX_ARN) {
            throw invalidArn(resourceArn, "have length between " + MIN_ARN + " and " + MAX_ARN);
        }
        if (!API_ARN.matcher(resourceArn).matches()) {
            throw invalidArn(resourceArn, "satisfy regular expression pattern: " + API_ARN.pattern());
        }
        if (!resourceArn.equals(apiArn())) {
            throw apiNotFound(resourceArn.substring(resourceArn.lastIndexOf('/') + 1));
        }
        return new TreeMap<>(api.tags());
    }

    private static BadRequestException invalidArn(String resourceArn, String constraint) {
        return new BadRequestException("1 validation error detected: Value '" + resourceArn
                + "' at 'resourceArn' failed to satisfy constraint: Member must " + constraint);
    }

    private String typeArn(String typeName) {
        return apiArn() + "/types/" + typeName;
    }

    /**
     * ListResolvers of one type, ordered by field name.
     *
     * @param id the API id
     * @param typeName the type
     * @param maxResults the page size, 1 to 25, or null (or 0) for 25
     * @param nextToken the previous page's token, or null for the first page
     * @return the page
     * @throws NotFoundException when the id is not this API's
     * @throws BadRequestException when the page size or token is invalid
     */
    public Page<ResolverSummary> resolvers(String id, String typeName, @Nullable Integer maxResults,
            @Nullable String nextToken) {
        requireApi(id);
        List<ResolverSummary> all = api.resolvers().stream().filter(r -> r.typeName().equals(typeName))
                .sorted(Comparator.comparing(ResolverDefinition::fieldName)).map(this::summary).toList();
        return page(all, "resolvers/" + typeName, maxResults, nextToken);
    }

    /**
     * ListFunctions, in template order.
     *
     * @param id the API id
     * @param maxResults the page size, 1 to 25, or null (or 0) for 25
     * @param nextToken the previous page's token, or null for the first page
     * @return the page
     * @throws NotFoundException when the id is not this API's
     * @throws BadRequestException when the page size or token is invalid
     */
    public Page<FunctionSummary> functions(String id, @Nullable Integer maxResults, @Nullable String nextToken) {
        requireApi(id);
        List<FunctionSummary> all = api.functions().stream().map(this::summary).toList();
        return page(all, "functions", maxResults, nextToken);
    }

    /**
     * EvaluateCode: runs one handler of APPSYNC_JS code against a context, as AppSync's test API does; data sources
     * are not called.
     *
     * @param runtime the runtime's name and version
     * @param code the module's code
     * @param context {@code ctx}, as parsed from the request's context JSON
     * @param contextLength the length of that JSON text
     * @param function {@code request} or {@code response}; null means {@code request}
     * @return the result or the error
     * @throws BadRequestException when the runtime, the code's length, the context or the function is invalid
     */
    public CodeEvaluation evaluateCode(List<String> runtime, String code, Map<String, @Nullable Object> context,
            int contextLength, @Nullable String function) {
        checkEvaluation(runtime, code, contextLength, function);
        JsSyntaxError syntax = js.syntaxError(code);
        if (syntax != null) {
            return failed(syntax.message(), List.of(new CodeError("PARSER_ERROR", syntax.message(), syntax.line(),
                    syntax.column(), syntax.span())));
        }
        HandlerOutcome outcome;
        try {
            outcome = js.evaluate(code, function == null ? "request" : function, context);
        } catch (JsCodeException e) {
            return failed(e.getMessage(), List.of(new CodeError("LINT_ERROR", e.getMessage(), 0, 0, 0)));
        }
        List<Map<String, @Nullable Object>> appended = outcome.appendedErrors().stream()
                .map(ControlPlaneRules::errorMap).toList();
        JsError raised = outcome.error();
        String message = raised == null ? null : raised.message();
        Object value = outcome.kind() == HandlerOutcome.Kind.ERROR ? null : outcome.value();
        return new CodeEvaluation(value, message, List.of(), outcome.logs(), outcome.stash(), appended);
    }

    private static void checkEvaluation(List<String> runtime, String code, int contextLength,
            @Nullable String function) {
        if (!runtime.equals(List.of("APPSYNC_JS", "1.0.0"))) {
            throw new BadRequestException("Runtime " + String.join(" ", runtime) + " is not supported. "
                    + "The supported runtime is APPSYNC_JS 1.0.0.");
        }
        if (code.isEmpty() || code.length() > MAX_CODE) {
            throw new BadRequestException("code must be 1 to " + MAX_CODE + " characters long.");
        }
        if (contextLength < 2 || contextLength > MAX_CONTEXT) {
            throw new BadRequestException("context must be 2 to " + MAX_CONTEXT + " characters long.");
        }
        if (function != null && !FUNCTIONS.contains(function)) {
            throw new BadRequestException("function must be request or response.");
        }
    }

    private static CodeEvaluation failed(String message, List<CodeError> errors) {
        return new CodeEvaluation(null, message, errors, List.of(), Map.of(), List.of());
    }

    private static Map<String, @Nullable Object> errorMap(JsError error) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("message", error.message());
        map.put("type", error.type());
        map.put("data", error.data());
        map.put("info", error.info());
        return map;
    }

    private ResolverSummary summary(ResolverDefinition r) {
        String arn = apiArn() + "/types/" + r.typeName() + "/resolvers/" + r.fieldName();
        DataSourceDefinition dataSource = r.dataSource();
        return new ResolverSummary(r.typeName(), r.fieldName(), r.isPipeline() ? "PIPELINE" : "UNIT",
                dataSource == null ? null : dataSource.name(),
                r.functions().stream().map(FunctionDefinition::functionId).toList(), r.code(), arn);
    }

    private FunctionSummary summary(FunctionDefinition f) {
        return new FunctionSummary(f.functionId(), f.name(), f.dataSource().name(), f.code(),
                apiArn() + "/functions/" + f.functionId());
    }

    /** The data sources of the resolvers, then of the functions, each once, in the order they first name them. */
    private List<DataSourceDefinition> allDataSources() {
        Stream<DataSourceDefinition> units = api.resolvers().stream().map(ResolverDefinition::dataSource)
                .filter(Objects::nonNull);
        return Stream.concat(units, api.functions().stream().map(FunctionDefinition::dataSource)).distinct()
                .toList();
    }

    private static String oneOf(String member, String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw new BadRequestException("Invalid " + member + ": " + value + ". Valid values are "
                    + String.join(" and ", allowed) + ".");
        }
        return value;
    }

    private String apiArn() {
        return "arn:aws:appsync:" + REGION + ":" + ACCOUNT + ":apis/" + apiId;
    }

    private void requireApi(String id) {
        if (!apiId.equals(id)) {
            throw apiNotFound(id);
        }
    }

    private static NotFoundException apiNotFound(String id) {
        return new NotFoundException("GraphQL API " + id + " not found.");
    }

    /** Tokens are opaque to callers: the list they page and the next offset, base64. */
    private static <T> Page<T> page(List<T> all, String list, @Nullable Integer maxResults,
            @Nullable String nextToken) {
        int size = maxResults == null || maxResults == 0 ? MAX_RESULTS : maxResults;
        if (size < 0 || size > MAX_RESULTS) {
            throw new BadRequestException("maxResults must be between 0 and " + MAX_RESULTS + ".");
        }
        int from = nextToken == null ? 0 : offset(nextToken, list, all.size());
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + "#" + to).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(new ArrayList<>(all.subList(from, to)), next);
    }

    private static int offset(String token, String list, int size) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(list + "#")) {
                int offset = Integer.parseInt(decoded.substring(list.length() + 1));
                if (offset > 0 && offset < size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal, as for any token this list did not hand out
        }
        throw new BadRequestException("Invalid pagination token.");
    }
}
