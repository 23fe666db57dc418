package dev.syncshift.emulator.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding as RFC 3986 reads a path segment or a query component, and as the AWS SDKs encode them:
 * {@code %XX} is a UTF-8 byte, {@code +} is a plus sign (never a space, as HTML forms would have it), and a
 * {@code %} not followed by two hex digits stays as it is. Callers that must refuse such stray escapes check the raw
 * text before decoding it.
 */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * Decodes one path segment or query component.
     *
     * @param text the raw text, as sent
     * @return the decoded text; bytes that are not UTF-8 become U+FFFD
     */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (c == '%' && low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
