package dev.syncshift.emulator.cognitosync.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The check a raw path or query passes before anything decodes it ({@code emulator/sigv4}'s {@code PercentDecoding}
 * decodes leniently, as RFC 3986 reads it): printable ASCII in which every {@code %} starts an escape of two hex
 * digits and the escapes spell UTF-8, as the AWS SDKs encode. Anything else would reach the signature check or the
 * rules as something the client did not mean.
 */
final class WellFormedUri {

    private WellFormedUri() {
    }

    /**
     * Refuses a path or query that is not percent-encoded UTF-8.
     *
     * @throws WireException 400 SerializationException naming {@code what}
     */
    static void require(String what, @Nullable String raw) {
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
        return WireException.serialization("Malformed request: the " + what + " is not percent-encoded UTF-8");
    }

    private static boolean isHex(String text, int index) {
        if (index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
