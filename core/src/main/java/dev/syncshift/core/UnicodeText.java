package dev.syncshift.core;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether text is valid Unicode, which UTF-8 can carry. A Java string may hold an unpaired surrogate (half of a
 * character outside the Basic Multilingual Plane, left by an app that cut a string inside an emoji); Cognito Sync's
 * clients send it as it is, but UTF-8 cannot encode it, so DynamoDB and AppSync cannot hold it, and Java's encoder
 * writes {@code ?} in its place.
 */
public final class UnicodeText {

    /** Characters of a record's key shown in {@link #inRecord}. */
    private static final int KEY_SHOWN = 60;

    private UnicodeText() {
    }

    /** The index of the first unpaired surrogate in {@code text}, or -1 when it is valid Unicode. */
    public static int unpairedAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why {@code text} is not valid Unicode, e.g. {@code an unpaired surrogate, U+D83D, at character 4}.
     *
     * @throws IllegalArgumentException when it is valid
     */
    public static String problem(String text) {
        int at = unpairedAt(text);
        if (at < 0) {
            throw new IllegalArgumentException("the text is valid Unicode");
        }
        return String.format(Locale.ROOT, "an unpaired surrogate, U+%04X, at character %d", (int) text.charAt(at),
                at + 1);
    }

    /**
     * Where a record's text is not valid Unicode, for a message that says what follows:
     * {@code the value of record 'title' holds text that is not valid Unicode (an unpaired surrogate, U+D83D, at
     * character 5)}, the key checked first and shown cut after 60 characters; empty when both are valid.
     */
    public static Optional<String> inRecord(String key, @Nullable String value) {
        String part = unpairedAt(key) >= 0 ? "key" : value != null && unpairedAt(value) >= 0 ? "value" : null;
        if (part == null) {
            return Optional.empty();
        }
        String text = value == null || "key".equals(part) ? key : value;
        return Optional.of("the " + part + " of record " + shown(key, KEY_SHOWN) + " holds text that is not valid "
                + "Unicode (" + problem(text) + ")");
    }

    /**
     * The first {@code limit} characters of {@code text} in quotes, unpaired surrogates written as {@code \uD83D}, and
     * {@code …} before the closing quote when it was cut.
     */
    public static String shown(String text, int limit) {
        StringBuilder shown = new StringBuilder("'");
        int i = 0;
        for (int characters = 0; i < text.length() && characters < limit; characters++) {
            int codePoint = text.codePointAt(i);
            if (codePoint <= Character.MAX_VALUE && Character.isSurrogate((char) codePoint)) {
                shown.append(String.format(Locale.ROOT, "\\u%04X", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return shown.append(i < text.length() ? "…'" : "'").toString();
    }
}
