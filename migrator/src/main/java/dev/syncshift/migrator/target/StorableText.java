package dev.syncshift.migrator.target;

import dev.syncshift.core.Record;
import dev.syncshift.core.UnicodeText;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Text a DynamoDB string can hold. DynamoDB stores strings as UTF-8, which cannot encode an unpaired surrogate (half
 * of a character outside the Basic Multilingual Plane, left by an app that cut a string inside an emoji); Cognito
 * Sync's clients send such text as it is. Writing it would be refused, or would store another text (two keys that
 * differ only there would become one record), so such a dataset is reported instead of copied.
 */
final class StorableText {

    private StorableText() {
    }

    /** Records named after the first, at most. */
    private static final int NAMED = 10;
    /** Characters of a key shown. */
    private static final int KEY_SHOWN = 60;

    /**
     * Checks every key and value of {@code records}.
     *
     * @throws UnstorableDatasetException naming, in key order, the first record whose key or value holds an unpaired
     *     surrogate and why, then the others (ten at most)
     */
    static void check(Collection<Record> records) {
        List<Record> unstorable = records.stream()
                .filter(record -> UnicodeText.inRecord(record.key().value(), record.value()).isPresent())
                .sorted(Comparator.comparing(record -> record.key().value())).toList();
        if (unstorable.isEmpty()) {
            return;
        }
        Record first = unstorable.get(0);
        int more = unstorable.size() - 1;
        String others = more == 0 ? "; correct the record in Cognito Sync"
                : "; nor can " + more + (more == 1 ? " more record" : " more records") + " of the dataset be: "
                        + unstorable.stream().skip(1).limit(NAMED)
                                .map(record -> UnicodeText.shown(record.key().value(), KEY_SHOWN))
                                .collect(Collectors.joining(", "))
                        + (more > NAMED ? ", …" : "") + "; correct the records in Cognito Sync";
        throw new UnstorableDatasetException(UnicodeText.inRecord(first.key().value(), first.value()).orElseThrow()
                + ", which DynamoDB cannot store: it is not copied" + others + ", then run a delta pass");
    }
}
