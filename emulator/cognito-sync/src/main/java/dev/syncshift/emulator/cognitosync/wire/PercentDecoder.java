package dev.syncshift.emulator.cognitosync.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * RFC 3986 percent-decoding of path segments and query strings, as the AWS SDKs encode them: {@code %XX} are UTF-8
 * bytes and {@code +} is a literal plus, never a space.
 */
final class PercentDecoder {

    private PercentDecoder() {
    }

    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Checks that {@code raw} (a path or query as received) is printable ASCII in which every {@code %} starts an
     * escape of two hex digits and the escapes spell UTF-8, as the AWS SDKs encode; anything else would reach the
     * signature check or the rules as something the client did not mean.
     *
     * @throws WireException 400 SerializationException naming {@code what} otherwise
     */
    static void requireWellFormed(String what, @Nullable String raw) {
        if (raw == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x20 && c < 0x7F && c != '%' && c != '\\') {
                bytes.write(c);
            } else {
                throw malformed(what);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            throw malformed(what);
        }
    }

    private static WireException malformed(String what) {
        return WireException.serialization("Malformed request: the " + what
                + " is not percent-encoded UTF-8");
    }

    static Map<String, String> query(@Nullable String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            params.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return params;
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }
}
