package dev.syncshift.migrator.target;

import dev.syncshift.core.Record;
import java.util.Collection;
import java.util.Locale;

/**
 * Text a DynamoDB string can hold. DynamoDB stores strings as UTF-8, which cannot encode an unpaired surrogate (half
 * of a character outside the Basic Multilingual Plane, left by an app that cut a string inside an emoji); Cognito
 * Sync's clients send such text as it is. Writing it would be refused, or would store another text (two keys that
 * differ only there would become one record), so such a dataset is reported instead of copied.
 */
final class StorableText {

    private static final int SHOWN = 60;

    private StorableText() {
    }

    /**
     * Checks every key and value of {@code records}.
     *
     * @throws UnstorableDatasetException naming the first record whose key or value holds an unpaired surrogate
     */
    static void check(Collection<Record> records) {
        for (Record record : records) {
            String key = record.key().value();
            String value = record.value();
            if (unpairedAt(key) >= 0) {
                throw refused(key, "key", key);
            }
            if (value != null && unpairedAt(value) >= 0) {
                throw refused(key, "value", value);
            }
        }
    }

    /** The index of the first unpaired surrogate in {@code text}, or -1. */
    static int unpairedAt(String text) {
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

    private static UnstorableDatasetException refused(String key, String part, String text) {
        int at = unpairedAt(text);
        return new UnstorableDatasetException(String.format(Locale.ROOT, "the %s of record %s holds text that is not "
                + "valid Unicode (an unpaired surrogate, U+%04X, at character %d), which DynamoDB cannot store: it is "
                + "not copied; correct the record in Cognito Sync, then run a delta pass", part, shown(key),
                (int) text.charAt(at), at + 1));
    }

    /** {@code key} quoted, its unpaired surrogates written as {@code \\uD83D}, cut after {@value #SHOWN} characters. */
    static String shown(String key) {
        StringBuilder shown = new StringBuilder("'");
        int i = 0;
        for (int characters = 0; i < key.length() && characters < SHOWN; characters++) {
            int codePoint = key.codePointAt(i);
            if (codePoint <= Character.MAX_VALUE && Character.isSurrogate((char) codePoint)) {
                shown.append(String.format(Locale.ROOT, "\\u%04X", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return shown.append(i < key.length() ? "…'" : "'").toString();
    }
}
