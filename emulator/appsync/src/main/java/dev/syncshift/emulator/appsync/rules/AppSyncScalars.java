package dev.syncshift.emulator.appsync.rules;

import dev.syncshift.emulator.appsync.js.JsJson;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AppSync's scalars (AWS docs {@code scalars.html}): AWSJSON is parsed into objects on input and written as
 * JSON text on output; AWSTimestamp is epoch seconds as a number; the rest are validated strings.
 */
final class AppSyncScalars {

    private static final String DATE = "(?<date>\\d{4}-\\d{2}-\\d{2})";
    private static final String TZ = "(?<tz>Z|[+-]\\d{2}:\\d{2}(:\\d{2})?)";
    private static final String TIME = "(?<time>\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)";
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ISO_LOCAL_DATE
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter STRICT_TIME = DateTimeFormatter.ISO_LOCAL_TIME
            .withResolverStyle(ResolverStyle.STRICT);

    private AppSyncScalars() {
    }

    static List<GraphQLScalarType> all() {
        return List.of(
                text("AWSDateTime", DATE + "T" + TIME + TZ),
                text("AWSDate", DATE + TZ + "?"),
                text("AWSTime", TIME + TZ + "?"),
                text("AWSEmail", "[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                text("AWSURL", "[a-zA-Z][a-zA-Z0-9+.-]*://\\S+"),
                text("AWSPhone", "\\+?[0-9 ()\\-.]{3,}"),
                text("AWSIPAddress", "[0-9a-fA-F:.]+(/\\d{1,3})?"),
                scalar("AWSTimestamp", AppSyncScalars::timestamp, AppSyncScalars::timestamp),
                scalar("AWSJSON", AppSyncScalars::readJson, AppSyncScalars::writeJson));
    }

    private static GraphQLScalarType text(String name, String regex) {
        Pattern pattern = Pattern.compile(regex);
        Function<Object, Object> check = value -> {
            Matcher m = value instanceof String s ? pattern.matcher(s) : null;
            if (m == null || !m.matches() || !realDateAndTime(m, regex)) {
                throw new IllegalArgumentException("Invalid " + name + " value: " + value);
            }
            return value;
        };
        return scalar(name, check, Object::toString);
    }

    /** Whether the date, time and offset a pattern matched exist: no February 30, hour 25, minute 60, +05:99. */
    private static boolean realDateAndTime(Matcher m, String regex) {
        try {
            if (regex.contains("?<date>")) {
                STRICT_DATE.parse(m.group("date"));
            }
            if (regex.contains("?<time>")) {
                STRICT_TIME.parse(m.group("time"));
            }
            String tz = regex.contains("?<tz>") ? m.group("tz") : null;
            if (tz != null && !tz.equals("Z")) {
                ZoneOffset.of(tz);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Object timestamp(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid AWSTimestamp value: " + value, e);
        }
    }

    private static Object readJson(Object value) {
        if (!(value instanceof String s)) {
            return value;
        }
        Object parsed;
        try {
            parsed = JsJson.read(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid AWSJSON value: " + e.getMessage());
        }
        return parsed == null ? "null" : parsed;
    }

    private static Object writeJson(Object value) {
        return value instanceof String ? value : JsJson.write(value);
    }

    private static GraphQLScalarType scalar(String name, Function<Object, Object> input,
            Function<Object, Object> output) {
        return GraphQLScalarType.newScalar().name(name).description("AppSync scalar " + name)
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object result, GraphQLContext context, Locale locale) {
                        try {
                            return output.apply(result);
                        } catch (IllegalArgumentException e) {
                            throw new CoercingSerializeException(e.getMessage(), e);
                        }
                    }

                    @Override
                    public Object parseValue(Object value, GraphQLContext context, Locale locale) {
                        try {
                            return input.apply(value);
                        } catch (IllegalArgumentException e) {
                            throw new CoercingParseValueException(e.getMessage(), e);
                        }
                    }

                    @Override
                    public Object parseLiteral(Value<?> literal, CoercedVariables variables, GraphQLContext context,
                            Locale locale) {
                        Object raw = literal instanceof StringValue s ? s.getValue()
                                : literal instanceof IntValue i ? i.getValue() : null;
                        try {
                            if (raw == null) {
                                throw new IllegalArgumentException("Invalid " + name + " literal");
                            }
                            return input.apply(raw);
                        } catch (IllegalArgumentException e) {
                            throw new CoercingParseLiteralException(e.getMessage(), e);
                        }
                    }
                }).build();
    }
}
