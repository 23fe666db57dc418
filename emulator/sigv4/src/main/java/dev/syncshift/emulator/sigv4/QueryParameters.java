package dev.syncshift.emulator.sigv4;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a raw query string as RFC 3986 does, not as HTML forms do: {@code +} is a plus sign (so standard base64 in a
 * parameter survives) and {@code %XX} is a UTF-8 byte ({@link PercentDecoding}).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The first value of a parameter.
     *
     * @param rawQuery the query as sent (without {@code ?}), or null
     * @param name the parameter's name, exact case
     * @return its percent-decoded value ({@code ""} for a name without {@code =}), or null when absent
     */
    public static @Nullable String first(@Nullable String rawQuery, String name) {
        for (String[] pair : UriEncoding.queryPairs(rawQuery)) {
            if (pair[0].equals(name)) {
                return pair[1];
            }
        }
        return null;
    }

    /**
     * Every parameter's first value, in the order of the query.
     *
     * @param rawQuery the query as sent (without {@code ?}), or null
     * @return decoded names to their first decoded value ({@code ""} for a name without {@code =})
     */
    public static Map<String, String> firstValues(@Nullable String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String[] pair : UriEncoding.queryPairs(rawQuery)) {
            values.putIfAbsent(pair[0], pair[1]);
        }
        return values;
    }
}
