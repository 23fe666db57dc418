package dev.syncshift.client.sync;

import dev.syncshift.client.DataLimitExceededException;
import dev.syncshift.client.Record;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.core.LimitExceededException;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncLimits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Conversions between the app's {@link Record} and the cache's {@link LocalRecord}, and the records' limits. */
public final class Records {

    private Records() {
    }

    /** The app's view of a cached record. */
    public static Record toApi(LocalRecord local) {
        return new Record.Builder(local.key().value()).value(local.value()).syncCount(local.syncCount().value())
                .lastModifiedDate(Date.from(local.lastModifiedDate())).lastModifiedBy(local.lastModifiedBy())
                .deviceLastModifiedDate(Date.from(local.deviceLastModifiedDate())).modified(local.modified())
                .build();
    }

    /** The cache's form of a record an app built (for {@code resolve}). */
    public static LocalRecord fromApi(Record record) {
        return new LocalRecord(new RecordKey(record.getKey()), record.getValue(), new SyncCount(record.getSyncCount()),
                instant(record.getLastModifiedDate()), record.getLastModifiedBy(),
                instant(record.getDeviceLastModifiedDate()), record.isModified());
    }

    /**
     * Checks the service's limits on a dataset's records: 1,024 live records and 1 MB of their keys' and values'
     * UTF-8 (deleted records count for nothing).
     *
     * @throws DataLimitExceededException when the dataset is over a limit
     */
    public static void checkLimits(List<LocalRecord> records) {
        List<LocalRecord> live = records.stream().filter(r -> !r.isDeleted()).toList();
        long bytes = live.stream().mapToLong(r -> r.key().utf8Bytes() + utf8(r.value())).sum();
        try {
            SyncLimits.checkDatasetSize(live.size(), bytes);
        } catch (LimitExceededException e) {
            throw new DataLimitExceededException(Objects.requireNonNullElse(e.getMessage(), "Dataset limits exceeded"),
                    e);
        }
    }

    private static long utf8(@Nullable String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Instant instant(Date date) {
        return Instant.ofEpochMilli(date.getTime());
    }
}
