package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which text a DynamoDB string can hold, and how a record that holds other text is named. */
class StorableTextTest {

    @Test
    void aRecordWithAnUnpairedSurrogateInItsKeyOrValueIsNamedWithTheSurrogateWrittenOut() {
        assertThatThrownBy(() -> StorableText.check(List.of(record("fine", "ok"), record("title", "cut \ud83d"))))
                .isInstanceOf(UnstorableDatasetException.class).hasMessage("the value of record 'title' holds text "
                        + "that is not valid Unicode (an unpaired surrogate, U+D83D, at character 5), which DynamoDB "
                        + "cannot store: it is not copied; correct the record in Cognito Sync, then run a delta pass");
        assertThatThrownBy(() -> StorableText.check(List.of(record("half \udc00", null))))
                .hasMessageStartingWith("the key of record 'half \\uDC00' holds text that is not valid Unicode (an "
                        + "unpaired surrogate, U+DC00, at character 6)");
        assertThatThrownBy(() -> StorableText.check(List.of(record("k".repeat(61) + "\ud800", "v"))))
                .hasMessageStartingWith("the key of record '" + "k".repeat(60) + "…' holds");
        StorableText.check(List.of(record("emoji \ud83d\ude00", "\ud83d\ude00"), record("gone", null)));
    }

    /**
     * Every record of the dataset that holds such text is named, the first in key order in full, so that one pass
     * tells what to correct and the same dataset gets the same line on every pass, whatever order the records came in.
     */
    @Test
    void everyRecordHoldingSuchTextIsNamedInKeyOrder() {
        List<Record> records = List.of(record("zeta", "cut \ud83d"), record("fine", "ok"), record("mid \udc00", "v"),
                record("alpha", "\ude00"));
        String expected = "the value of record 'alpha' holds text that is not valid Unicode (an unpaired surrogate, "
                + "U+DE00, at character 1), which DynamoDB cannot store: it is not copied; nor can 2 more records of "
                + "the dataset be: 'mid \\uDC00', 'zeta'; correct the records in Cognito Sync, then run a delta pass";
        assertThatThrownBy(() -> StorableText.check(records)).hasMessage(expected);
        assertThatThrownBy(() -> StorableText.check(List.of(records.get(3), records.get(2), records.get(0))))
                .hasMessage(expected);
    }

    private static Record record(String key, @Nullable String value) {
        return new Record(new RecordKey(key), value, new SyncCount(1), Instant.EPOCH, "device", Instant.EPOCH);
    }
}
