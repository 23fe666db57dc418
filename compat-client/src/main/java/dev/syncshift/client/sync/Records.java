package dev.syncshift.client.sync;

import dev.syncshift.client.Record;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import java.util.Date;

/** Conversions between the app's {@link Record} and the cache's {@link LocalRecord}. */
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

    private static Instant instant(Date date) {
        return Instant.ofEpochMilli(date.getTime());
    }
}
