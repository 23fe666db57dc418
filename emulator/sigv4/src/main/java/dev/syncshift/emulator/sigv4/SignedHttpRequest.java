package dev.syncshift.emulator.sigv4;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A request as received, before anything decoded or normalized it: what a SigV4 signature covers.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param rawPath the path exactly as sent, still percent-encoded, e.g. {@code /v1/apis/abc}
 * @param rawQuery the query exactly as sent (without {@code ?}), or null when there is none
 * @param headers every header by name (any case) with its values in the order received
 * @param body the body's bytes
 */
public record SignedHttpRequest(String method, String rawPath, @Nullable String rawQuery,
        Map<String, List<String>> headers, byte[] body) {

    /** Lower-cases header names (merging values of names that differ only in case) and copies everything. */
    public SignedHttpRequest {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        headers = Map.copyOf(lower);
        body = body.clone();
    }

    /**
     * A request whose headers have one value each, e.g. the header map of an AppSync real-time authorization.
     *
     * @param method the HTTP method
     * @param rawPath the raw path
     * @param rawQuery the raw query, or null
     * @param headers header names and values
     * @param body the body's bytes
     * @return the request
     */
    public static SignedHttpRequest of(String method, String rawPath, @Nullable String rawQuery,
            Map<String, String> headers, byte[] body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new SignedHttpRequest(method, rawPath, rawQuery, multi, body);
    }

    /**
     * The first value of a header.
     *
     * @param name the header's name, any case
     * @return the value, or null when the header is absent
     */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The first value of a query parameter, percent-decoded ({@code +} stays a plus sign).
     *
     * @param name the parameter's name, exact case
     * @return the value, or null when absent
     */
    public @Nullable String queryParameter(String name) {
        return QueryParameters.first(rawQuery, name);
    }
}
