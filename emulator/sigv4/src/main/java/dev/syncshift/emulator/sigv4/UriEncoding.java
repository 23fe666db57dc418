package dev.syncshift.emulator.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * SigV4's URI encoding (RFC 3986: everything but {@code A-Z a-z 0-9 - _ . ~} as {@code %XX} of its UTF-8 bytes), and
 * a raw query read as {@link PercentDecoding} decodes it.
 */
final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    static String encode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (unreserved(c) || keepSlash && c == '/') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** The query's parameters as decoded {@code [name, value]} pairs, in order; a name without {@code =} has "". */
    static List<String[]> queryPairs(@Nullable String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            pairs.add(new String[] {PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals)),
                PercentDecoding.decode(equals < 0 ? "" : pair.substring(equals + 1))});
        }
        return pairs;
    }

    private static boolean unreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
