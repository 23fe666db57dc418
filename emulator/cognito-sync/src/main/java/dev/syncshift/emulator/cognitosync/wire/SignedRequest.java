package dev.syncshift.emulator.cognitosync.wire;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a SigV4 check needs of a request: everything that was signed, untouched.
 *
 * @param method the HTTP method
 * @param rawPath the path exactly as sent (still percent-encoded)
 * @param rawQuery the query exactly as sent, or null
 * @param headers every header by its name as sent
 * @param body the raw body
 */
public record SignedRequest(
        String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers, byte[] body) {

    /** The first value of header {@code name} (case-insensitive), if present. */
    public @Nullable String header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }
}
