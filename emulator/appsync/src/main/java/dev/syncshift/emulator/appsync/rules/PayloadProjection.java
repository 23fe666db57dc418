package dev.syncshift.emulator.appsync.rules;

import graphql.GraphQLContext;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Argument values of a subscription, AppSync's argument filter, and the projection of a payload. */
final class PayloadProjection {

    private PayloadProjection() {
    }

    static Map<String, @Nullable Object> arguments(Field field, Map<String, @Nullable Object> variables) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (Argument argument : field.getArguments()) {
            out.put(argument.getName(), literal(argument.getValue(), variables));
        }
        return out;
    }

    private static @Nullable Object literal(Value<?> value, Map<String, @Nullable Object> variables) {
        if (value instanceof VariableReference v) {
            return variables.get(v.getName());
        } else if (value instanceof StringValue s) {
            return s.getValue();
        } else if (value instanceof IntValue i) {
            return i.getValue().longValue();
        } else if (value instanceof FloatValue f) {
            return f.getValue().doubleValue();
        } else if (value instanceof BooleanValue b) {
            return b.isValue();
        } else if (value instanceof EnumValue e) {
            return e.getName();
        } else if (value instanceof ArrayValue a) {
            return a.getValues().stream().map(v -> literal(v, variables)).toList();
        } else if (value instanceof ObjectValue o) {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            for (ObjectField f : o.getObjectFields()) {
                map.put(f.getName(), literal(f.getValue(), variables));
            }
            return map;
        }
        return null;
    }

    static boolean matches(Map<String, @Nullable Object> arguments, @Nullable Object payload) {
        for (Map.Entry<String, @Nullable Object> argument : arguments.entrySet()) {
            if (argument.getValue() == null) {
                continue;
            }
            Object actual = payload instanceof Map<?, ?> map ? map.get(argument.getKey()) : null;
            if (actual == null || !String.valueOf(actual).equals(String.valueOf(argument.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The subscriber's view of a payload: its selection set (aliases, fragments, {@code __typename}) with
     * scalars serialized as on the wire (AWSJSON as JSON text).
     */
    static @Nullable Object project(@Nullable Object value, @Nullable SelectionSet selection,
            @Nullable GraphQLType type, Map<String, FragmentDefinition> fragments) {
        GraphQLType unwrapped = type == null ? null : GraphQLTypeUtil.unwrapNonNull(type);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            GraphQLType element = unwrapped instanceof GraphQLList l ? l.getWrappedType() : null;
            return list.stream().map(v -> project(v, selection, element, fragments)).toList();
        }
        if (unwrapped instanceof GraphQLScalarType scalar) {
            return serialize(scalar, value);
        }
        if (selection == null || !(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        collect(map, selection, unwrapped, fragments, out);
        return out;
    }

    private static @Nullable Object serialize(GraphQLScalarType scalar, Object value) {
        try {
            return scalar.getCoercing().serialize(value, GraphQLContext.getDefault(), Locale.ROOT);
        } catch (RuntimeException e) {
            return value;
        }
    }

    private static void collect(Map<?, ?> source, SelectionSet selection, @Nullable GraphQLType type,
            Map<String, FragmentDefinition> fragments, Map<String, @Nullable Object> out) {
        for (Selection<?> s : selection.getSelections()) {
            if (s instanceof Field f) {
                String key = f.getAlias() != null ? f.getAlias() : f.getName();
                out.put(key, f.getName().equals("__typename") ? typeName(source, type)
                        : project(source.get(f.getName()), f.getSelectionSet(), fieldType(type, f.getName()),
                                fragments));
            } else if (s instanceof InlineFragment inline) {
                collect(source, inline.getSelectionSet(), type, fragments, out);
            } else if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collect(source, fragments.get(spread.getName()).getSelectionSet(), type, fragments, out);
            }
        }
    }

    private static @Nullable GraphQLType fieldType(@Nullable GraphQLType type, String name) {
        if (type instanceof GraphQLFieldsContainer container && container.getFieldDefinition(name) != null) {
            return container.getFieldDefinition(name).getType();
        }
        return null;
    }

    private static @Nullable Object typeName(Map<?, ?> source, @Nullable GraphQLType type) {
        Object declared = source.get("__typename");
        if (declared != null) {
            return declared;
        }
        return type instanceof GraphQLNamedType named ? named.getName() : null;
    }
}
