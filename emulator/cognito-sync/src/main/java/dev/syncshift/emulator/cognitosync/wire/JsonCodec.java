package dev.syncshift.emulator.cognitosync.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON both services speak: PascalCase members, explicit nulls, timestamps as epoch-second numbers written in
 * the real service's Java-double style ({@code 1.412974057151E9}), no coercion of strings into numbers, and
 * unknown members ignored. Unreadable bodies become 400 {@code SerializationException} with a plain message that
 * names the member and the JSON type expected, never a Java class or parser feature: a body that is not an object,
 * a member given twice, or a timestamp outside what epoch milliseconds can hold. A null list element or map value
 * (except where the API gives null a meaning) is a 400 InvalidParameterException in AWS's validation words.
 */
public final class JsonCodec {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};
    private static final String STRING_DATE = "class java.lang.String can not be converted to milliseconds since epoch";
    private static final String DATE_RANGE = "Timestamp is out of range";

    private final ObjectMapper mapper = strict(JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .addModule(new SimpleModule("aws-timestamps")
                    .addSerializer(Instant.class, new EpochSecondsSerializer())
                    .addDeserializer(Instant.class, new EpochSecondsDeserializer())))
            .build();

    private static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder.withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    /**
     * Reads {@code body} as {@code type}; an empty body reads as {@code {}}.
     *
     * @throws WireException SerializationException when the body is not JSON of that shape
     */
    public <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = mapper.readValue(body.length == 0 ? EMPTY_OBJECT : body, type);
        } catch (InvalidNullException e) {
            throw nullMember(e);
        } catch (MismatchedInputException e) {
            throw WireException.serialization(mismatch(e));
        } catch (StreamReadException e) {
            throw WireException.serialization(malformed(e));
        } catch (IOException e) {
            throw WireException.serialization("Unreadable request body");
        }
        if (value == null) {
            throw WireException.serialization("The request body must be a JSON object");
        }
        return value;
    }

    /** Writes {@code value} as JSON. */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response shapes are always serialisable", e);
        }
    }

    private static String mismatch(MismatchedInputException e) {
        if (e.getTargetType() == Instant.class) {
            return DATE_RANGE.equals(e.getOriginalMessage()) ? DATE_RANGE + " at '" + path(e) + "'" : STRING_DATE;
        }
        String path = path(e);
        String expected = "Expected " + jsonType(e.getTargetType());
        return path.isEmpty() ? "The request body must be a JSON object" : expected + " at '" + path + "'";
    }

    /** A null list element or map value, refused as the service's validation does, naming the member AWS's way. */
    private static WireException nullMember(InvalidNullException e) {
        String member = e.getPath().stream()
                .map(ref -> ref.getFieldName() == null ? (ref.getIndex() + 1) + ".member"
                        : Character.toLowerCase(ref.getFieldName().charAt(0)) + ref.getFieldName().substring(1))
                .reduce((a, b) -> a + "." + b).orElse("");
        return new WireException("InvalidParameterException", 400, "1 validation error detected: Value null at '"
                + member + "' failed to satisfy constraint: Member must not be null");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .reduce((a, b) -> a + "." + b).orElse("");
    }

    /** The JSON type a Java target reads from, in the words of the JSON spec. */
    private static String jsonType(@Nullable Class<?> target) {
        if (target == null || target.isRecord() || Map.class.isAssignableFrom(target)) {
            return "an object";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (target == String.class || target.isEnum()) {
            return "a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "a boolean";
        }
        return Number.class.isAssignableFrom(target) || target.isPrimitive() ? "a number" : "a value";
    }

    /** Where the text stops being JSON, without the parser's advice on features to enable. */
    private static String malformed(StreamReadException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            return "A member appears more than once" + where;
        }
        if (e instanceof InputCoercionException) {
            return "A number is out of range" + where;
        }
        return "The request body is not valid JSON" + where;
    }

    private static final class EpochSecondsSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.toEpochMilli() / 1000.0);
        }
    }

    private static final class EpochSecondsDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw MismatchedInputException.from(parser, Instant.class, STRING_DATE);
            }
            BigDecimal millis = parser.getDecimalValue().movePointRight(3).setScale(0, RoundingMode.FLOOR);
            try {
                return Instant.ofEpochMilli(millis.longValueExact());
            } catch (ArithmeticException e) {
                throw MismatchedInputException.from(parser, Instant.class, DATE_RANGE);
            }
        }
    }
}
