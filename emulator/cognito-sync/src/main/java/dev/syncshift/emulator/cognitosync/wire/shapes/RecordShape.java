package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.core.Record;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Cognito Sync {@code Record}; a removed record has a null {@code Value}. */
public record RecordShape(
        String key,
        @Nullable String value,
        long syncCount,
        Instant lastModifiedDate,
        String lastModifiedBy,
        @Nullable Instant deviceLastModifiedDate) {

    /** The wire form of {@code record}. */
    public static RecordShape of(Record record) {
        return new RecordShape(record.key().value(), record.value(), record.syncCount().value(),
                record.lastModifiedDate(), record.lastModifiedBy(), record.deviceLastModifiedDate());
    }
}
