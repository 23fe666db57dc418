package dev.syncshift.emulator.appsync.rules;

import dev.syncshift.emulator.appsync.api.ApiDefinition;
import dev.syncshift.emulator.appsync.api.BadRequestException;
import dev.syncshift.emulator.appsync.api.ResolverDefinition;
import dev.syncshift.emulator.appsync.auth.Identity;
import dev.syncshift.emulator.appsync.control.ControlPlaneRules;
import dev.syncshift.emulator.appsync.js.JsCodeException;
import dev.syncshift.emulator.appsync.js.JsRuntime;
import dev.syncshift.emulator.appsync.store.ItemStore;
import dev.syncshift.emulator.appsync.store.SubscriptionStore;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.GraphQLSchema;
import graphql.schema.SelectedField;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Executes GraphQL requests against a template's schema and resolvers, as AppSync's data plane does: field
 * failures are errors in an HTTP 200 answer with the field null, and mutations feed the subscriptions that
 * name them in {@code @aws_subscribe}.
 */
public final class GraphQlRules implements AutoCloseable {

    static final String IDENTITY = "appsync.identity";
    static final String HEADERS = "appsync.headers";
    private static final Duration APPSYNC_TIMEOUT = Duration.ofSeconds(30);
    /**
     * {@code ctx.info.selectionSetGraphQL} by field node: the same few cached documents' fields are printed once (a
     * document the cache drops leaves its fields to the garbage collector).
     */
    private static final Map<Field, String> SELECTION_TEXTS = Collections.synchronizedMap(new WeakHashMap<>());

    private final JsRuntime js;
    private final ResolverPipeline pipeline;
    private final GraphQL graphQl;
    private final SubscriptionRules subscriptions;
    private final ControlPlaneRules controlPlane;

    /**
     * Builds the executable API.
     *
     * @param api the schema, resolvers and environment
     * @param store where DynamoDB data sources read and write
     * @param subscriptionStore where live subscriptions are kept
     * @throws BadRequestException when the schema or any resolver code would not deploy on AppSync
     */
    public GraphQlRules(ApiDefinition api, ItemStore store, SubscriptionStore<SubscriptionRules.Subscriber>
            subscriptionStore) {
        this(api, store, subscriptionStore, APPSYNC_TIMEOUT);
    }

    /**
     * Builds the executable API with a custom resolver time limit.
     *
     * @param api the schema, resolvers and environment
     * @param store where DynamoDB data sources read and write
     * @param subscriptionStore where live subscriptions are kept
     * @param handlerTimeout how long one request or response handler may run (AppSync: 30 s per request)
     * @throws BadRequestException when the schema or any resolver code would not deploy on AppSync
     */
    public GraphQlRules(ApiDefinition api, ItemStore store, SubscriptionStore<SubscriptionRules.Subscriber>
            subscriptionStore, Duration handlerTimeout) {
        this.js = runtime(codeByModule(api), handlerTimeout);
        this.pipeline = new ResolverPipeline(js, store, api.environment());
        GraphQLSchema schema = schema(api);
        this.graphQl = GraphQL.newGraphQL(schema).preparsedDocumentProvider(new DocumentCache()).build();
        Map<String, ResolverDefinition> subscriptionResolvers = api.resolvers().stream()
                .filter(r -> r.typeName().equals("Subscription"))
                .collect(Collectors.toMap(ResolverDefinition::fieldName, r -> r));
        this.subscriptions = new SubscriptionRules(schema, subscriptionStore, pipeline, subscriptionResolvers);
        this.controlPlane = new ControlPlaneRules(api, schema, graphQl, js);
    }

    /**
     * Checks an API without running it: the schema parses and every resolver module passes the APPSYNC_JS
     * restrictions.
     *
     * @param api the API
     * @throws BadRequestException with AppSync's message when it would not deploy
     */
    public static void validate(ApiDefinition api) {
        codeByModule(api).forEach((name, code) -> {
            try {
                JsRuntime.check(name, code);
            } catch (JsCodeException e) {
                throw new BadRequestException(e.getMessage());
            }
        });
        TypeDefinitionRegistry registry;
        try {
            registry = SchemaPrelude.parse(api.schema());
        } catch (RuntimeException e) {
            throw new BadRequestException("Schema is invalid: " + e.getMessage());
        }
        api.resolvers().forEach(resolver -> checkField(registry, resolver));
    }

    private static JsRuntime runtime(Map<String, String> codeByModule, Duration handlerTimeout) {
        try {
            return new JsRuntime(codeByModule, handlerTimeout);
        } catch (JsCodeException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** AppSync refuses a resolver whose field the schema lacks. */
    private static void checkField(TypeDefinitionRegistry registry, ResolverDefinition resolver) {
        ObjectTypeDefinition type = registry.getTypeOrNull(resolver.typeName(), ObjectTypeDefinition.class);
        Stream<FieldDefinition> fields = type == null ? Stream.empty() : type.getFieldDefinitions().stream();
        Stream<FieldDefinition> extended = registry.objectTypeExtensions()
                .getOrDefault(resolver.typeName(), List.of()).stream().flatMap(e -> e.getFieldDefinitions().stream());
        if (Stream.concat(fields, extended).noneMatch(f -> f.getName().equals(resolver.fieldName()))) {
            throw new BadRequestException("No field named " + resolver.fieldName() + " found on type "
                    + resolver.typeName());
        }
    }

    /**
     * Executes one request.
     *
     * @param request the request
     * @param identity the authenticated caller
     * @param headers the HTTP request's headers, for {@code ctx.request.headers}
     * @return graphql-java's result, with {@link ResolverError}s for resolver failures
     */
    public ExecutionResult execute(GraphQlRequest request, Identity identity, Map<String, String> headers) {
        ExecutionInput input = ExecutionInput.newExecutionInput(request.query())
                .variables(request.variables())
                .operationName(request.operationName())
                .graphQLContext(Map.of(IDENTITY, identity, HEADERS, lowerCase(headers)))
                .build();
        return graphQl.execute(input);
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    /**
     * The real-time side of this API.
     *
     * @return the subscription rules
     */
    public SubscriptionRules subscriptions() {
        return subscriptions;
    }

    /**
     * The control-plane operations over this API.
     *
     * @return the control-plane rules
     */
    public ControlPlaneRules controlPlane() {
        return controlPlane;
    }

    @Override
    public void close() {
        js.close();
    }

    private static Map<String, String> codeByModule(ApiDefinition api) {
        Map<String, String> modules = new LinkedHashMap<>();
        for (ResolverDefinition resolver : api.resolvers()) {
            modules.put(ResolverPipeline.moduleOf(resolver), resolver.code());
            resolver.functions().forEach(f -> modules.put(ResolverPipeline.moduleOf(f), f.code()));
        }
        return modules;
    }

    private GraphQLSchema schema(ApiDefinition api) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        AppSyncScalars.all().forEach(wiring::scalar);
        for (ResolverDefinition resolver : api.resolvers()) {
            if (!resolver.typeName().equals("Subscription")) {
                wiring.type(resolver.typeName(), b -> b.dataFetcher(resolver.fieldName(), fetcher(resolver)));
            }
        }
        try {
            return new SchemaGenerator().makeExecutableSchema(SchemaPrelude.parse(api.schema()), wiring.build());
        } catch (RuntimeException e) {
            throw new BadRequestException("Schema is invalid: " + e.getMessage());
        }
    }

    private DataFetcher<Object> fetcher(ResolverDefinition resolver) {
        boolean mutation = resolver.typeName().equals("Mutation");
        return env -> {
            Identity identity = env.getGraphQlContext().get(IDENTITY);
            Map<String, String> headers = env.getGraphQlContext().get(HEADERS);
            FieldResult result = pipeline.resolve(resolver, new FieldCall(env.getArguments(), env.getSource(),
                    identity, info(env), headers));
            List<Object> path = env.getExecutionStepInfo().getPath().toList();
            List<GraphQLError> errors = result.errors().stream()
                    .map(e -> (GraphQLError) e.at(path, List.of(env.getField().getSourceLocation()))).toList();
            if (mutation && !result.failed()) {
                subscriptions.publish(resolver.fieldName(), mask(result.value(), env.getSelectionSet()));
            }
            return DataFetcherResult.newResult().data(result.value()).errors(errors).build();
        };
    }

    private static Map<String, @Nullable Object> info(DataFetchingEnvironment env) {
        Map<String, @Nullable Object> info = new HashMap<>();
        info.put("fieldName", env.getField().getName());
        info.put("parentTypeName", env.getExecutionStepInfo().getObjectType().getName());
        info.put("variables", env.getVariables());
        info.put("selectionSetList", env.getSelectionSet().getFields().stream()
                .map(SelectedField::getQualifiedName).toList());
        info.put("selectionSetGraphQL", SELECTION_TEXTS.computeIfAbsent(env.getField(),
                field -> field.getSelectionSet() == null ? "" : AstPrinter.printAst(field.getSelectionSet())));
        return info;
    }

    /** Keeps what the mutation selected: subscribers receive only the mutation's selection set. */
    private static @Nullable Object mask(@Nullable Object value, DataFetchingFieldSelectionSet selection) {
        Set<String> selected = selection.getFields().stream().map(SelectedField::getQualifiedName)
                .collect(Collectors.toSet());
        return mask(value, selected, "");
    }

    private static @Nullable Object mask(@Nullable Object value, Set<String> selected, String prefix) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> mask(v, selected, prefix)).toList();
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String name = prefix + k;
            if (selected.contains(name)) {
                out.put(k.toString(), mask(v, selected, name + "/"));
            }
        });
        return out;
    }
}
