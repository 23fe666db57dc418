package dev.syncshift.client.cache.sqlite;

import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@link LocalCache#changeIdentity} on the two tables: renames rows in place (no copies, so no UNIQUE collision and
 * no duplicated data, the two failures of Android's version). A target name that is taken is replaced.
 */
final class SqliteIdentityMove {

    private final Connection connection;
    private final SqliteDatasets datasets;

    SqliteIdentityMove(Connection connection, SqliteDatasets datasets) {
        this.connection = connection;
        this.datasets = datasets;
    }

    Void move(IdentityId from, IdentityId to) throws SQLException {
        for (LocalDataset dataset : datasets.of(from)) {
            DatasetKey target = new DatasetKey(to, targetName(from, to, dataset.key().datasetName()));
            for (String table : new String[] {"records", "datasets"}) {
                rename(table, dataset.key(), target);
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

    private void rename(String table, DatasetKey from, DatasetKey to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE OR REPLACE " + table
                + " SET identity_id = ?, dataset_name = ? WHERE identity_id = ? AND dataset_name = ?")) {
            statement.setString(1, SqliteRows.identity(to.identityId()));
            statement.setString(2, to.datasetName().value());
            statement.setString(3, SqliteRows.identity(from.identityId()));
            statement.setString(4, from.datasetName().value());
            statement.executeUpdate();
        }
    }
}
