package dev.syncshift.emulator.cognitosync.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON both services speak: PascalCase members, explicit nulls, timestamps as epoch-second numbers written in
 * the real service's Java-double style ({@code 1.412974057151E9}), no coercion of strings into numbers, and
 * unknown members ignored. Unreadable bodies become 400 {@code SerializationException}.
 */
public final class JsonCodec {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};
    private static final String STRING_DATE = "class java.lang.String can not be converted to milliseconds since epoch";

    private final ObjectMapper mapper = strict(JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
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
        try {
            return mapper.readValue(body.length == 0 ? EMPTY_OBJECT : body, type);
        } catch (MismatchedInputException e) {
            throw WireException.serialization(mismatch(e));
        } catch (JsonProcessingException e) {
            throw WireException.serialization("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw WireException.serialization("Unreadable request body");
        }
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
            return STRING_DATE;
        }
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .reduce((a, b) -> a + "." + b).orElse("");
        String target = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        return "Cannot read member '" + path + "' as " + target;
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
            BigDecimal millis = parser.getDecimalValue().movePointRight(3);
            return Instant.ofEpochMilli(millis.longValue());
        }
    }
}
