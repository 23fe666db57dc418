package dev.syncshift.emulator.appsync.js;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON text to and from plain Java values (maps, lists, strings, numbers, booleans, null), as JSON (RFC 8259)
 * defines it: integers of any size ({@code BigInteger} past {@code long}), no leading zeros or plus signs, only the
 * escapes JSON has; {@code NaN} and infinities are written as {@code null}, as JavaScript's {@code JSON.stringify}
 * writes them. The resolver context crosses into APPSYNC_JS as this text, and AWSJSON values and page tokens are
 * read and written with it. Thread-safe.
 */
public final class JsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule().addSerializer(Double.class, new FiniteOrNull<>())
                    .addSerializer(Float.class, new FiniteOrNull<>()))
            .build();

    private JsJson() {
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return maps, lists, strings, numbers ({@code Long}, {@code BigInteger} past a long, or {@code Double}),
     *     booleans or null
     * @throws IllegalArgumentException when the text is not JSON, with a message free of parser internals
     */
    public static @Nullable Object read(String text) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
        if (tree.isMissingNode()) {
            throw new IllegalArgumentException("Not valid JSON at line 1, column 1: no value");
        }
        return plain(tree);
    }

    /** Integers become {@code Long}, or {@code BigInteger} past a long; other numbers {@code Double}. */
    private static @Nullable Object plain(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<@Nullable Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isBoolean() ? (Object) node.booleanValue() : node.asText();
    }

    /**
     * Writes JSON text.
     *
     * @param value plain values
     * @return the text
     * @throws IllegalArgumentException when a value has no JSON form
     */
    public static String write(@Nullable Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // null always has one (null), so value is not null here.
            throw new IllegalArgumentException("no JSON form for a "
                    + (value == null ? "null" : value.getClass().getSimpleName()), e);
        }
    }

    /** Non-finite numbers have no JSON form; JavaScript writes them as null. */
    private static final class FiniteOrNull<T extends Number> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            double d = value.doubleValue();
            if (Double.isFinite(d)) {
                out.writeNumber(d);
            } else {
                out.writeNull();
            }
        }
    }
}
