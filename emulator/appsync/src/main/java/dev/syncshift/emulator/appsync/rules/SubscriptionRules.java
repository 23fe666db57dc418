package dev.syncshift.emulator.appsync.rules;

import dev.syncshift.emulator.appsync.api.ResolverDefinition;
import dev.syncshift.emulator.appsync.auth.Identity;
import dev.syncshift.emulator.appsync.store.SubscriptionStore;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * AppSync subscriptions (AWS docs {@code aws-appsync-real-time-data.html},
 * {@code aws-appsync-real-time-enhanced-filtering.html}): a subscription field fires when a mutation named in its
 * {@code @aws_subscribe(mutations: [...])} resolves; the payload is the mutation's selection set; subscription
 * arguments must equal the same-named fields of that payload, unless the subscription resolver set an enhanced
 * filter ({@code extensions.setSubscriptionFilter}), which then decides alone; the subscription resolver, if any,
 * runs once at subscribe time with the subscriber's identity and can refuse the subscription.
 */
public final class SubscriptionRules {

    /**
     * One live subscription.
     *
     * @param fieldName the subscription field
     * @param responseKey its alias or name in the client's document
     * @param arguments the arguments the client gave (null ones do not filter)
     * @param selection the client's selection set
     * @param fragments the document's fragments
     * @param filter the enhanced filter the subscription resolver set, or null
     * @param sink where {@code data} payloads go
     */
    public record Subscriber(String fieldName, String responseKey, Map<String, @Nullable Object> arguments,
            @Nullable SelectionSet selection, Map<String, FragmentDefinition> fragments, @Nullable Object filter,
            Consumer<Map<String, @Nullable Object>> sink) {

        /** Enhanced filters, when set, replace the argument filter. */
        boolean accepts(@Nullable Object payload) {
            return filter != null ? SubscriptionFilter.matches(filter, payload)
                    : PayloadProjection.matches(arguments, payload);
        }
    }

    private final GraphQLSchema schema;
    private final SubscriptionStore<Subscriber> store;
    private final ResolverPipeline pipeline;
    private final Map<String, ResolverDefinition> resolvers;
    private final Map<String, List<String>> fieldsByMutation = new HashMap<>();

    SubscriptionRules(GraphQLSchema schema, SubscriptionStore<Subscriber> store, ResolverPipeline pipeline,
            Map<String, ResolverDefinition> resolvers) {
        this.schema = schema;
        this.store = store;
        this.pipeline = pipeline;
        this.resolvers = Map.copyOf(resolvers);
        GraphQLObjectType type = schema.getSubscriptionType();
        if (type != null) {
            type.getFieldDefinitions().forEach(this::index);
        }
    }

    private void index(GraphQLFieldDefinition field) {
        if (field.getDefinition() == null) {
            return;
        }
        field.getDefinition().getDirectives("aws_subscribe").forEach(directive -> {
            if (directive.getArgument("mutations") != null
                    && directive.getArgument("mutations").getValue() instanceof ArrayValue list) {
                list.getValues().forEach(v -> fieldsByMutation
                        .computeIfAbsent(((StringValue) v).getValue(), k -> new ArrayList<>()).add(field.getName()));
            }
        });
    }

    /**
     * Registers a subscription ({@code start}).
     *
     * @param connectionId the WebSocket connection
     * @param subscriptionId the client's id
     * @param request the subscription document and variables
     * @param identity the subscriber
     * @param sink receives each {@code data} payload ({@code {<field>: ...}})
     * @return the errors that refuse it (an id the connection already uses: {@code DuplicatedOperationError}, as
     *     AppSync answers); empty when registered
     */
    public List<GraphQLError> start(String connectionId, String subscriptionId, GraphQlRequest request,
            Identity identity, Consumer<Map<String, @Nullable Object>> sink) {
        if (store.contains(connectionId, subscriptionId)) {
            return List.of(ResolverError.of("Duplicated operation with id " + subscriptionId,
                    "DuplicatedOperationError"));
        }
        ParseAndValidateResult parsed = ParseAndValidate.parseAndValidate(schema, ExecutionInput
                .newExecutionInput(request.query()).variables(request.variables()).build());
        if (parsed.isFailure()) {
            return List.copyOf(parsed.getErrors());
        }
        Document document = parsed.getDocument();
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> o.getOperation() == OperationDefinition.Operation.SUBSCRIPTION).findFirst()
                .orElse(null);
        if (operation == null) {
            return List.of(ResolverError.of("Only subscription operations can be started", "BadRequest"));
        }
        Field field = (Field) operation.getSelectionSet().getSelections().get(0);
        Map<String, @Nullable Object> arguments = PayloadProjection.arguments(field, request.variables());
        FieldResult resolved = runResolver(field.getName(), arguments, identity);
        if (resolved.failed()) {
            return List.copyOf(resolved.errors());
        }
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
                .stream().collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
        String key = field.getAlias() != null ? field.getAlias() : field.getName();
        store.add(connectionId, subscriptionId, field.getName(),
                new Subscriber(field.getName(), key, arguments, field.getSelectionSet(), fragments,
                        resolved.subscriptionFilter(), sink));
        return List.of();
    }

    private FieldResult runResolver(String fieldName, Map<String, @Nullable Object> arguments, Identity identity) {
        ResolverDefinition resolver = resolvers.get(fieldName);
        if (resolver == null) {
            return new FieldResult(null, List.of(), false, null);
        }
        Map<String, @Nullable Object> info = new HashMap<>();
        info.put("fieldName", fieldName);
        info.put("parentTypeName", "Subscription");
        return pipeline.resolve(resolver, new FieldCall(arguments, null, identity, info, Map.of()));
    }

    /**
     * Ends a subscription ({@code stop}).
     *
     * @param connectionId the connection
     * @param subscriptionId the id
     * @return whether it existed
     */
    public boolean stop(String connectionId, String subscriptionId) {
        return store.remove(connectionId, subscriptionId);
    }

    /**
     * Ends every subscription of a closed connection.
     *
     * @param connectionId the connection
     */
    public void disconnect(String connectionId) {
        store.removeConnection(connectionId);
    }

    private @Nullable GraphQLType fieldType(String subscriptionField) {
        GraphQLObjectType type = schema.getSubscriptionType();
        GraphQLFieldDefinition field = type == null ? null : type.getFieldDefinition(subscriptionField);
        return field == null ? null : field.getType();
    }

    void publish(String mutationField, @Nullable Object payload) {
        for (String field : fieldsByMutation.getOrDefault(mutationField, List.of())) {
            for (Subscriber subscriber : store.byField(field)) {
                if (subscriber.accepts(payload)) {
                    Map<String, @Nullable Object> data = new LinkedHashMap<>();
                    data.put(subscriber.responseKey(),
                            PayloadProjection.project(payload, subscriber.selection(), fieldType(field),
                                    subscriber.fragments()));
                    subscriber.sink().accept(data);
                }
            }
        }
    }
}
