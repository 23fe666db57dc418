package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.core.Record;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One record inside a Cognito Streams record; dates in epoch milliseconds, {@code op} replace or remove. */
public record KinesisSyncRecord(
        String key,
        @Nullable String value,
        long syncCount,
        long lastModifiedDate,
        @Nullable Long deviceLastModifiedDate,
        String op) {

    /** The stream form of {@code record}. */
    public static KinesisSyncRecord of(Record record) {
        Instant device = record.deviceLastModifiedDate();
        return new KinesisSyncRecord(record.key().value(), record.value(), record.syncCount().value(),
                record.lastModifiedDate().toEpochMilli(), device == null ? null : device.toEpochMilli(),
                record.isTombstone() ? "remove" : "replace");
    }
}
