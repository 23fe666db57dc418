package dev.syncshift.client.cache.sqlite;

import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.RecordKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link LocalCache#changeIdentity} on the two tables: renames rows in place (no copies, so no UNIQUE collision and
 * no duplicated data, the two failures of Android's version). A target name that is taken is merged into: its
 * dataset row stays, and of two records with one key the one {@link LocalRecord#keptOnMove} names stays.
 */
final class SqliteIdentityMove {

    private static final String WHERE = " WHERE identity_id = ? AND dataset_name = ?";

    private final Connection connection;
    private final SqliteDatasets datasets;

    SqliteIdentityMove(Connection connection, SqliteDatasets datasets) {
        this.connection = connection;
        this.datasets = datasets;
    }

    Void move(IdentityId from, IdentityId to) throws SQLException {
        for (LocalDataset dataset : datasets.of(from)) {
            DatasetKey target = new DatasetKey(to, targetName(from, to, dataset.key().datasetName()));
            dropLosers(dataset.key(), target);
            rename("records", dataset.key(), target);
            if (datasets.find(target).isPresent()) {
                datasets.touchIfLater(target, dataset.lastModifiedDate());
                datasets.delete(dataset.key());
            } else {
                rename("datasets", dataset.key(), target);
            }
        }
        return null;
    }

    private DatasetName targetName(IdentityId from, IdentityId to, DatasetName name) throws SQLException {
        if (!from.equals(LocalCache.UNKNOWN_IDENTITY)) {
            return name.mergedFrom(from);
        }
        return datasets.find(new DatasetKey(to, name)).isPresent() ? new DatasetName(name.value() + ".unknown") : name;
    }

    /** Of each key both datasets hold, deletes the row that is not kept: what is left renames without collision. */
    private void dropLosers(DatasetKey from, DatasetKey to) throws SQLException {
        Map<RecordKey, LocalRecord> there = records(to);
        for (LocalRecord moved : records(from).values()) {
            LocalRecord existing = there.get(moved.key());
            if (existing != null) {
                DatasetKey loser = moved.keptOnMove(existing) == moved ? to : from;
                update("DELETE FROM records" + WHERE + " AND key = ?", loser, moved.key().value());
            }
        }
    }

    private Map<RecordKey, LocalRecord> records(DatasetKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + SqliteRows.RECORD_COLUMNS + " FROM records" + WHERE)) {
            SqliteRows.bindKey(select, key);
            Map<RecordKey, LocalRecord> found = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalRecord record = SqliteRows.record(rows);
                    found.put(record.key(), record);
                }
            }
            return found;
        }
    }

    private void rename(String table, DatasetKey from, DatasetKey to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table
                + " SET identity_id = ?, dataset_name = ?" + WHERE)) {
            statement.setString(1, SqliteRows.identity(to.identityId()));
            statement.setString(2, to.datasetName().value());
            statement.setString(3, SqliteRows.identity(from.identityId()));
            statement.setString(4, from.datasetName().value());
            statement.executeUpdate();
        }
    }

    /** Runs {@code sql} with the dataset key first and {@code more} after it. */
    private void update(String sql, DatasetKey key, Object... more) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            SqliteRows.bindKey(statement, key);
            for (int i = 0; i < more.length; i++) {
                statement.setObject(3 + i, more[i]);
            }
            statement.executeUpdate();
        }
    }
}
