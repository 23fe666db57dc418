package dev.syncshift.emulator.appsync.auth;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What SigV4 verification needs from an HTTP request, free of any server type.
 *
 * @param method the HTTP method
 * @param path the raw path, e.g. {@code /graphql}
 * @param rawQuery the raw query string, or null
 * @param headers header names (any case) and values
 * @param body the payload that was signed
 * @param sourceIp the caller's address
 */
public record SignedRequest(
        String method,
        String path,
        @Nullable String rawQuery,
        Map<String, String> headers,
        byte[] body,
        String sourceIp) {

    /** Lower-cases header names. */
    public SignedRequest {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
        body = body.clone();
    }

    @Nullable String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
