package dev.syncshift.emulator.appsync.control;

import dev.syncshift.emulator.appsync.api.BadRequestException;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The types of the schema as ListTypes, GetType and GetIntrospectionSchema print them: the object, input, interface,
 * union and enum types the schema declares, by name; not the scalars (GraphQL's and AppSync's predefined ones, the
 * only ones an AppSync schema has) nor the introspection types ({@code __Type}, …).
 */
final class SchemaTypes {

    static final String SDL = "SDL";
    static final String JSON = "JSON";

    private final GraphQLSchema schema;
    private final GraphQL graphQl;

    SchemaTypes(GraphQLSchema schema, GraphQL graphQl) {
        this.schema = schema;
        this.graphQl = graphQl;
    }

    /**
     * Refuses a format other than SDL and JSON, with AppSync's error.
     *
     * @param format the requested format, or null when none was given
     * @return the format
     * @throws BadRequestException when it is neither
     */
    static String checkFormat(@Nullable String format) {
        if (format == null || !SDL.equals(format) && !JSON.equals(format)) {
            throw new BadRequestException("Invalid format: " + format + ". Valid values are SDL and JSON.");
        }
        return format;
    }

    /** The whole schema in SDL, without the predefined scalars and directive definitions. */
    String sdl(boolean includeDirectives) {
        return printer(includeDirectives).print(schema);
    }

    /** The standard introspection query's result, {@code {"data": {"__schema": …}}}, as plain maps. */
    Map<String, Object> introspection() {
        ExecutionResult result = graphQl.execute(IntrospectionQuery.INTROSPECTION_QUERY);
        return result.toSpecification();
    }

    /** The declared types, by name. */
    private List<GraphQLNamedType> declaredTypes() {
        return schema.getAllTypesAsList().stream().filter(SchemaTypes::declared)
                .sorted(Comparator.comparing(GraphQLNamedType::getName)).toList();
    }

    /**
     * Every declared type, by name.
     *
     * @param format {@code SDL} or {@code JSON}, already checked
     * @param arn the ARN of the type of a name
     * @return the types
     */
    List<TypeSummary> all(String format, UnaryOperator<String> arn) {
        Map<String, Object> described = JSON.equals(format) ? introspectedTypes() : Map.of();
        return declaredTypes().stream().map(type -> summary(type, format, arn.apply(type.getName()), described))
                .toList();
    }

    /**
     * One declared type.
     *
     * @param name its name
     * @param format {@code SDL} or {@code JSON}, already checked
     * @param arn the type's ARN
     * @return the type, or empty when the schema declares none of that name
     */
    Optional<TypeSummary> one(String name, String format, String arn) {
        if (!(schema.getType(name) instanceof GraphQLNamedType type) || !declared(type)) {
            return Optional.empty();
        }
        return Optional.of(summary(type, format, arn, JSON.equals(format) ? introspectedTypes() : Map.of()));
    }

    private TypeSummary summary(GraphQLNamedType type, String format, String arn, Map<String, Object> described) {
        Object definition = SDL.equals(format) ? printer(true).print(type).strip()
                : Objects.requireNonNull(described.get(type.getName()));
        return new TypeSummary(type.getName(), type.getDescription(), arn, definition, format);
    }

    /** The introspection result's {@code __schema.types}, by name. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> introspectedTypes() {
        Map<String, Object> data = (Map<String, Object>) Objects.requireNonNull(introspection().get("data"));
        Map<String, Object> described = (Map<String, Object>) Objects.requireNonNull(data.get("__schema"));
        Map<String, Object> byName = new HashMap<>();
        ((List<Map<String, Object>>) Objects.requireNonNull(described.get("types")))
                .forEach(t -> byName.put(String.valueOf(t.get("name")), t));
        return byName;
    }

    private static boolean declared(GraphQLNamedType type) {
        return !(type instanceof GraphQLScalarType) && !type.getName().startsWith("__");
    }

    private static SchemaPrinter printer(boolean includeDirectives) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeScalarTypes(false)
                .includeDirectiveDefinitions(false).includeDirectives(includeDirectives));
    }
}
