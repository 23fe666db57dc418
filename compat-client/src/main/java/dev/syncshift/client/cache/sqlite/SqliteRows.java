package dev.syncshift.client.cache.sqlite;

import dev.syncshift.client.spi.CountSpace;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.UnicodeText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rows of the Android tables as the SPI's values, and back. Android's {@code unknown} is the unknown identity. */
final class SqliteRows {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteRows.class);

    static final String UNKNOWN = "unknown";
    static final String RECORD_COLUMNS = "key, value, sync_count, last_modified_timestamp, last_modified_by, "
            + "device_last_modified_timestamp, modified";
    static final String DATASET_COLUMNS = "identity_id, dataset_name, creation_timestamp, last_modified_timestamp, "
            + "last_modified_by, storage_size_bytes, record_count, last_sync_count, " + AndroidSchema.COUNT_SPACE;

    private SqliteRows() {
    }

    static String identity(IdentityId identityId) {
        return identityId.equals(LocalCache.UNKNOWN_IDENTITY) ? UNKNOWN : identityId.value();
    }

    static IdentityId identity(String stored) {
        return stored.equals(UNKNOWN) ? LocalCache.UNKNOWN_IDENTITY : new IdentityId(stored);
    }

    static void bindKey(PreparedStatement statement, DatasetKey key) throws SQLException {
        statement.setString(1, identity(key.identityId()));
        statement.setString(2, key.datasetName().value());
    }

    static LocalRecord record(ResultSet row) throws SQLException {
        return new LocalRecord(new RecordKey(row.getString(1)), row.getString(2), new SyncCount(row.getLong(3)),
                Instant.ofEpochMilli(row.getLong(4)), row.getString(5), Instant.ofEpochMilli(row.getLong(6)),
                row.getInt(7) != 0);
    }

    static LocalDataset dataset(ResultSet row) throws SQLException {
        long lastSyncCount = row.getLong(8);
        DatasetKey key = new DatasetKey(identity(row.getString(1)), new DatasetName(row.getString(2)));
        return new LocalDataset(key, new SyncCount(Math.max(0, lastSyncCount)), lastSyncCount < 0,
                Instant.ofEpochMilli(row.getLong(3)), Instant.ofEpochMilli(row.getLong(4)), row.getString(5),
                row.getLong(6), row.getLong(7), countSpace(row.getString(9)));
    }

    /** A stored count space; none (a row AWS's client wrote, or one never synchronized) is Cognito Sync's. */
    private static CountSpace countSpace(@Nullable String stored) {
        return stored == null ? CountSpace.COGNITO_SYNC : CountSpace.valueOf(stored);
    }

    /**
     * Binds a record's columns after the dataset key: parameters 3..9. Text that is not valid Unicode (an unpaired
     * surrogate, which only a record pulled from Cognito Sync can hold: the client refuses it from the app) is written
     * with {@code ?} in its place, as SQLite keeps UTF-8; that is logged, naming the record.
     */
    static void bindRecord(PreparedStatement statement, DatasetKey key, LocalRecord record) throws SQLException {
        UnicodeText.inRecord(record.key().value(), record.value()).ifPresent(problem -> LOG.warn(
                "In dataset {}, {}; the cache file holds '?' in its place", key.datasetName(), problem));
        statement.setString(3, record.key().value());
        statement.setString(4, record.value());
        statement.setLong(5, record.syncCount().value());
        statement.setLong(6, record.lastModifiedDate().toEpochMilli());
        statement.setString(7, record.lastModifiedBy());
        statement.setLong(8, record.deviceLastModifiedDate().toEpochMilli());
        statement.setInt(9, record.modified() ? 1 : 0);
    }
}
