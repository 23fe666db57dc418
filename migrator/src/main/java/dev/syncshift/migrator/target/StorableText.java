package dev.syncshift.migrator.target;

import dev.syncshift.core.Record;
import dev.syncshift.core.UnicodeText;
import java.util.Collection;

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
            if (UnicodeText.unpairedAt(key) >= 0) {
                throw refused(key, "key", key);
            }
            if (value != null && UnicodeText.unpairedAt(value) >= 0) {
                throw refused(key, "value", value);
            }
        }
    }

    private static UnstorableDatasetException refused(String key, String part, String text) {
        return new UnstorableDatasetException("the " + part + " of record " + UnicodeText.shown(key, SHOWN) + " holds "
                + "text that is not valid Unicode (" + UnicodeText.problem(text) + "), which DynamoDB cannot store: it "
                + "is not copied; correct the record in Cognito Sync, then run a delta pass");
    }
}
