package dev.syncshift.emulator.appsync.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB values as AppSync handles them: request objects carry typed values ({@code {"S": "x"}}), results
 * come back as plain JSON ({@code "x"}).
 */
final class AttributeValues {

    private static final ObjectMapper TOKENS = new ObjectMapper();

    private AttributeValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, AttributeValue> fromTypedMap(@Nullable Object typed) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        if (typed instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(k.toString(), fromTyped(v)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static AttributeValue fromTyped(@Nullable Object typed) {
        if (!(typed instanceof Map<?, ?> map) || map.size() != 1) {
            throw new IllegalArgumentException("Expected a DynamoDB typed value such as {\"S\": ...}, got " + typed);
        }
        Map.Entry<?, ?> e = map.entrySet().iterator().next();
        Object v = e.getValue();
        return switch (e.getKey().toString()) {
            case "S" -> AttributeValue.fromS(String.valueOf(v));
            case "N" -> AttributeValue.fromN(String.valueOf(v));
            case "BOOL" -> AttributeValue.fromBool(Boolean.TRUE.equals(v));
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.toString())));
            case "SS" -> AttributeValue.fromSs(strings(v));
            case "NS" -> AttributeValue.fromNs(strings(v));
            case "BS" -> AttributeValue.fromBs(strings(v).stream()
                    .map(s -> SdkBytes.fromByteArray(Base64.getDecoder().decode(s))).toList());
            case "L" -> AttributeValue.fromL(((List<Object>) v).stream().map(AttributeValues::fromTyped).toList());
            case "M" -> AttributeValue.fromM(fromTypedMap(v));
            default -> throw new IllegalArgumentException("Unknown DynamoDB type " + e.getKey());
        };
    }

    private static List<String> strings(@Nullable Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    static @Nullable Map<String, @Nullable Object> toPlainMap(@Nullable Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return null;
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, toPlain(v)));
        return out;
    }

    static @Nullable Object toPlain(AttributeValue v) {
        return switch (v.type()) {
            case S -> v.s();
            case N -> number(v.n());
            case BOOL -> v.bool();
            case NUL -> null;
            case B -> Base64.getEncoder().encodeToString(v.b().asByteArray());
            case SS -> v.ss();
            case NS -> v.ns().stream().map(AttributeValues::number).toList();
            case BS -> v.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList();
            case L -> v.l().stream().map(AttributeValues::toPlain).toList();
            case M -> toPlainMap(v.m()) == null ? new LinkedHashMap<>() : toPlainMap(v.m());
            default -> null;
        };
    }

    private static Object number(String n) {
        BigDecimal d = new BigDecimal(n);
        if (d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return d.longValue();
        }
        return d.doubleValue();
    }

    static Map<String, Object> toTypedMap(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, toTyped(v)));
        return out;
    }

    private static Object toTyped(AttributeValue v) {
        return switch (v.type()) {
            case S -> Map.of("S", v.s());
            case N -> Map.of("N", v.n());
            case B -> Map.of("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case BOOL -> Map.of("BOOL", v.bool());
            default -> Map.of("NULL", true);
        };
    }

    static @Nullable String encodeToken(@Nullable Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return null;
        }
        return Base64.getEncoder().encodeToString(json(toTypedMap(lastKey)).getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable Map<String, AttributeValue> decodeToken(@Nullable Object token) {
        if (token == null) {
            return null;
        }
        try {
            String json = new String(Base64.getDecoder().decode(token.toString()), StandardCharsets.UTF_8);
            return fromTypedMap(parse(json));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid nextToken", e);
        }
    }

    private static String json(Object value) {
        try {
            return TOKENS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a key with no JSON form", e);
        }
    }

    private static Object parse(String json) {
        try {
            return TOKENS.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON");
        }
    }
}
