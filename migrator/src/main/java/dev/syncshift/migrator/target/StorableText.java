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

    private StorableText() {
    }

    /**
     * Checks every key and value of {@code records}.
     *
     * @throws UnstorableDatasetException naming the first record whose key or value holds an unpaired surrogate
     */
    static void check(Collection<Record> records) {
        for (Record record : records) {
            UnicodeText.inRecord(record.key().value(), record.value()).ifPresent(problem -> {
                throw new UnstorableDatasetException(problem + ", which DynamoDB cannot store: it is not copied; "
                        + "correct the record in Cognito Sync, then run a delta pass");
            });
        }
    }
}
