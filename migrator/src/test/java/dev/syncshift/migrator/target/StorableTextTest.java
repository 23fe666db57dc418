package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;
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
    void onlyUnpairedSurrogatesAreFound() {
        assertThat(StorableText.unpairedAt("plain, ünïcode, 漢字")).isEqualTo(-1);
        assertThat(StorableText.unpairedAt("emoji \ud83d\ude00 whole")).isEqualTo(-1);
        assertThat(StorableText.unpairedAt("cut \ud83d")).isEqualTo(4);
        assertThat(StorableText.unpairedAt("\ude00 low first")).isZero();
        assertThat(StorableText.unpairedAt("reversed \ude00\ud83d")).isEqualTo(9);
        assertThat(StorableText.unpairedAt("")).isEqualTo(-1);
    }

    @Test
    void aRecordWithAnUnpairedSurrogateInItsKeyOrValueIsNamedWithTheSurrogateWrittenOut() {
        assertThat(StorableText.shown("a\ud83d\ude00b\ud800")).isEqualTo("'a\ud83d\ude00b\\uD800'");
        assertThat(StorableText.shown("k".repeat(61))).isEqualTo("'" + "k".repeat(60) + "…'");

        assertThatThrownBy(() -> StorableText.check(List.of(record("fine", "ok"), record("title", "cut \ud83d"))))
                .isInstanceOf(UnstorableDatasetException.class).hasMessage("the value of record 'title' holds text "
                        + "that is not valid Unicode (an unpaired surrogate, U+D83D, at character 5), which DynamoDB "
                        + "cannot store: it is not copied; correct the record in Cognito Sync, then run a delta pass");
        assertThatThrownBy(() -> StorableText.check(List.of(record("half \udc00", null))))
                .hasMessageStartingWith("the key of record 'half \\uDC00' holds text that is not valid Unicode (an "
                        + "unpaired surrogate, U+DC00, at character 6)");
        StorableText.check(List.of(record("emoji \ud83d\ude00", "\ud83d\ude00"), record("gone", null)));
    }

    private static Record record(String key, @Nullable String value) {
        return new Record(new RecordKey(key), value, new SyncCount(1), Instant.EPOCH, "device", Instant.EPOCH);
    }
}
