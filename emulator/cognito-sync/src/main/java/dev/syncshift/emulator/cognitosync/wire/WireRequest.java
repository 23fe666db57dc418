package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.Caller;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One decoded request, as handlers see it.
 *
 * @param pathParams path labels by name, percent-decoded (Cognito Sync only)
 * @param query query parameters by wire name, percent-decoded
 * @param headers request headers by lower-case name
 * @param body the raw body, empty when none was sent
 * @param caller who signed it
 * @param codec the JSON codec for reading the body
 */
public record WireRequest(
        Map<String, String> pathParams,
        Map<String, String> query,
        Map<String, String> headers,
        byte[] body,
        Caller caller,
        JsonCodec codec) {

    /** The decoded path label {@code name}. */
    public String path(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no label " + name);
        }
        return value;
    }

    /** The query parameter {@code name}, if sent. */
    public @Nullable String query(String name) {
        return query.get(name);
    }

    /** The body read as {@code type}; an empty body reads as an empty JSON object. */
    public <T> T body(Class<T> type) {
        return codec.read(body, type);
    }
}
