package dev.syncshift.client.sync;

import dev.syncshift.client.DataLimitExceededException;
import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.NetworkException;
import dev.syncshift.client.Record;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.core.LimitExceededException;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncLimits;
import dev.syncshift.core.UnicodeText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
        Optional<DataLimitExceededException> over = overLimits(records, null);
        if (over.isPresent()) {
            throw over.get();
        }
    }

    /**
     * How a synchronize of a dataset holding {@code records} that ended in {@code failure} is reported: a
     * {@link NetworkException} for a dataset over the limits is the {@link DataLimitExceededException} it would have
     * ended in had it reached the service (which checks after its pull), the network's failure kept as the cause.
     */
    public static DataStorageException unreachable(List<LocalRecord> records, DataStorageException failure) {
        return failure instanceof NetworkException
                ? overLimits(records, failure).map(DataStorageException.class::cast).orElse(failure) : failure;
    }

    /**
     * The failure {@link #checkLimits} throws for {@code records}, with {@code cause} (null: the limit's own check);
     * empty when they are within the limits.
     */
    public static Optional<DataLimitExceededException> overLimits(List<LocalRecord> records,
            @Nullable Throwable cause) {
        List<LocalRecord> live = records.stream().filter(r -> !r.isDeleted()).toList();
        long bytes = live.stream().mapToLong(r -> r.key().utf8Bytes() + utf8(r.value())).sum();
        try {
            SyncLimits.checkDatasetSize(live.size(), bytes);
            return Optional.empty();
        } catch (LimitExceededException e) {
            return Optional.of(new DataLimitExceededException(Objects.requireNonNullElse(e.getMessage(),
                    "Dataset limits exceeded"), cause == null ? e : cause));
        }
    }

    /** The local changes UTF-8 can carry: those whose key and value are valid Unicode. */
    public static List<LocalRecord> carried(List<LocalRecord> changes) {
        return changes.stream().filter(r -> UnicodeText.inRecord(r.key().value(), r.value()).isEmpty()).toList();
    }

    /**
     * The failure that reports the local changes UTF-8 cannot carry (a key or value with an unpaired surrogate, left
     * in a cache by an app before the client checked), naming the first; empty when there are none. The synchronize
     * sends the other changes, and this is what it reports, whether they went out or not ({@code other}: why not,
     * kept as the cause).
     */
    public static Optional<DataStorageException> notCarried(List<LocalRecord> changes,
            @Nullable DataStorageException other) {
        List<String> problems = changes.stream().map(r -> UnicodeText.inRecord(r.key().value(), r.value()))
                .flatMap(Optional::stream).toList();
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)";
        String rest = other == null ? "" : "; the other changes were not synchronized either: " + other.getMessage();
        return Optional.of(new DataStorageException("A local change was not sent, as UTF-8 cannot carry it: "
                + problems.get(0) + more + "; put a valid value, then synchronize again" + rest, other));
    }

    private static long utf8(@Nullable String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Instant instant(Date date) {
        return Instant.ofEpochMilli(date.getTime());
    }
}
