package dev.syncshift.client.cache.sqlite;

import static dev.syncshift.client.cache.sqlite.SqliteRows.DATASET_COLUMNS;
import static dev.syncshift.client.cache.sqlite.SqliteRows.bindKey;

import dev.syncshift.client.spi.CountSpace;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code datasets} table (and syncshift's identity table); callers hold the cache's lock. */
final class SqliteDatasets {

    private static final String WHERE = " WHERE identity_id = ? AND dataset_name = ?";

    private final Connection connection;

    SqliteDatasets(Connection connection) {
        this.connection = connection;
    }

    LocalDataset open(DatasetKey key, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO datasets (identity_id, "
                + "dataset_name, creation_timestamp, last_modified_timestamp) VALUES (?, ?, ?, ?)")) {
            bindKey(insert, key);
            insert.setLong(3, now.toEpochMilli());
            insert.setLong(4, now.toEpochMilli());
            insert.executeUpdate();
        }
        return find(key).orElseThrow();
    }

    Optional<LocalDataset> find(DatasetKey key) throws SQLException {
        return query("SELECT " + DATASET_COLUMNS + " FROM datasets" + WHERE, key.identityId(),
                key.datasetName().value()).stream().findFirst();
    }

    List<LocalDataset> of(IdentityId identityId) throws SQLException {
        return query("SELECT " + DATASET_COLUMNS + " FROM datasets WHERE identity_id = ? ORDER BY dataset_name",
                identityId);
    }

    Void touch(DatasetKey key, Instant now) throws SQLException {
        return update("UPDATE datasets SET last_modified_timestamp = ?" + WHERE, key, now.toEpochMilli());
    }

    /** Dates the dataset's last change {@code date} unless it changed later. */
    Void touchIfLater(DatasetKey key, Instant date) throws SQLException {
        return update("UPDATE datasets SET last_modified_timestamp = MAX(last_modified_timestamp, ?)" + WHERE, key,
                date.toEpochMilli());
    }

    Void setLastSyncCount(DatasetKey key, long count, Instant now) throws SQLException {
        return update("UPDATE datasets SET last_sync_count = ?, last_sync_timestamp = ?" + WHERE, key, count,
                now.toEpochMilli());
    }

    /**
     * The count a synchronize or a switch of backend leaves, keeping a local deletion's mark (the Android schema's
     * count of -1): a {@code delete()} made while a synchronize ran must still reach the service at the next one.
     */
    Void setLastSyncCount(DatasetKey key, long count, CountSpace space, Instant now) throws SQLException {
        return update("UPDATE datasets SET last_sync_count = CASE WHEN last_sync_count < 0 THEN last_sync_count "
                + "ELSE ? END, last_sync_timestamp = ?, " + AndroidSchema.COUNT_SPACE + " = ?" + WHERE, key, count,
                now.toEpochMilli(), space.name());
    }

    Void delete(DatasetKey key) throws SQLException {
        return update("DELETE FROM datasets" + WHERE, key);
    }

    Void updateMetadata(DatasetMetadata metadata) throws SQLException {
        open(metadata.key(), metadata.creationDate());
        return update("UPDATE datasets SET creation_timestamp = ?, last_modified_timestamp = ?, last_modified_by = ?, "
                + "storage_size_bytes = ?, record_count = ?" + WHERE, metadata.key(),
                metadata.creationDate().toEpochMilli(), metadata.lastModifiedDate().toEpochMilli(),
                metadata.lastModifiedBy(), metadata.dataStorage(), metadata.numRecords());
    }

    Optional<IdentityId> identity(IdentityPoolId pool) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT identity_id FROM syncshift_identities WHERE identity_pool_id = ?")) {
            select.setString(1, pool.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new IdentityId(rows.getString(1))) : Optional.empty();
            }
        }
    }

    long wipes(IdentityPoolId pool) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT wipes FROM syncshift_wipes WHERE identity_pool_id = ?")) {
            select.setString(1, pool.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    Void rememberIdentity(IdentityPoolId pool, IdentityId identityId) throws SQLException {
        insertIdentity("REPLACE", pool, identityId);
        return null;
    }

    /** Remembers {@code identityId} unless one is remembered for {@code pool}; the one remembered. */
    IdentityId rememberFirstIdentity(IdentityPoolId pool, IdentityId identityId) throws SQLException {
        insertIdentity("IGNORE", pool, identityId);
        return identity(pool).orElse(identityId);
    }

    /** Inserts the pool's identity; {@code onConflict} (REPLACE or IGNORE) says what a remembered one does. */
    private void insertIdentity(String onConflict, IdentityPoolId pool, IdentityId identityId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR " + onConflict
                + " INTO syncshift_identities (identity_pool_id, identity_id) VALUES (?, ?)")) {
            insert.setString(1, pool.value());
            insert.setString(2, identityId.value());
            insert.executeUpdate();
        }
    }

    /** Forgets {@code identityId} as any pool's identity, counting a wipe of each such pool. */
    Void forgetIdentity(IdentityId identityId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("INSERT INTO syncshift_wipes (identity_pool_id, "
                + "wipes) SELECT identity_pool_id, 1 FROM syncshift_identities WHERE identity_id = ? "
                + "ON CONFLICT (identity_pool_id) DO UPDATE SET wipes = wipes + 1")) {
            count.setString(1, identityId.value());
            count.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM syncshift_identities WHERE identity_id = ?")) {
            delete.setString(1, identityId.value());
            delete.executeUpdate();
        }
        return null;
    }

    /** Runs {@code sql} with {@code values} bound first and the dataset key last. */
    private Void update(String sql, DatasetKey key, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.setString(values.length + 1, SqliteRows.identity(key.identityId()));
            statement.setString(values.length + 2, key.datasetName().value());
            statement.executeUpdate();
        }
        return null;
    }

    private List<LocalDataset> query(String sql, IdentityId identityId, String... more) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, SqliteRows.identity(identityId));
            for (int i = 0; i < more.length; i++) {
                statement.setString(2 + i, more[i]);
            }
            List<LocalDataset> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(SqliteRows.dataset(rows));
                }
            }
            return found;
        }
    }
}
