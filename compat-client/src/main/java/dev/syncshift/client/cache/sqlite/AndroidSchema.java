package dev.syncshift.client.cache.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables of AWS's Android cache file {@code cognito_dataset_cache.db} ({@code datasets}, {@code records}, at
 * Android's version 2), plus syncshift's {@code syncshift_identities} and {@code syncshift_wipes} tables and
 * {@code syncshift_count_space} column.
 * Opening an older or partial file adds what is missing (tables, columns) and never drops anything, so unsynced edits
 * survive every upgrade (Android's own upgrade dropped both tables).
 */
final class AndroidSchema {

    /** Android's {@code DB_VERSION}; kept so that the file stays one Android's client opens. */
    static final int VERSION = 2;

    private static final String DATASETS = "CREATE TABLE IF NOT EXISTS datasets ("
            + "identity_id TEXT NOT NULL, dataset_name TEXT NOT NULL, creation_timestamp INTEGER DEFAULT 0, "
            + "last_modified_timestamp INTEGER DEFAULT 0, last_modified_by TEXT, "
            + "storage_size_bytes INTEGER DEFAULT 0, record_count INTEGER DEFAULT 0, "
            + "last_sync_count INTEGER NOT NULL DEFAULT 0, "
            + "last_sync_timestamp INTEGER DEFAULT 0, last_sync_result TEXT, UNIQUE (identity_id, dataset_name))";
    private static final String RECORDS = "CREATE TABLE IF NOT EXISTS records ("
            + "identity_id TEXT NOT NULL, dataset_name TEXT NOT NULL, key TEXT NOT NULL, value TEXT, "
            + "sync_count INTEGER NOT NULL DEFAULT 0, last_modified_timestamp INTEGER DEFAULT 0, "
            + "last_modified_by TEXT, "
            + "device_last_modified_timestamp INTEGER DEFAULT 0, modified INTEGER NOT NULL DEFAULT 1, "
            + "UNIQUE (identity_id, dataset_name, key))";
    private static final String IDENTITIES = "CREATE TABLE IF NOT EXISTS syncshift_identities ("
            + "identity_pool_id TEXT PRIMARY KEY, identity_id TEXT NOT NULL)";
    /** How often a wipe forgot each pool's identity (a count, no identity: a wiped identity leaves no trace). */
    private static final String WIPES = "CREATE TABLE IF NOT EXISTS syncshift_wipes ("
            + "identity_pool_id TEXT PRIMARY KEY, wipes INTEGER NOT NULL)";
    /** The datasets column naming the service that numbered a dataset's counts. */
    static final String COUNT_SPACE = "syncshift_count_space";
    /**
     * Columns a file written by an older client may lack, with the definition Android's version 2 gives them, and
     * syncshift's column, which Android's client leaves alone (it names the columns it reads and writes).
     */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"datasets", "creation_timestamp", "INTEGER DEFAULT 0"},
            new String[] {"datasets", "last_modified_timestamp", "INTEGER DEFAULT 0"},
            new String[] {"datasets", "last_modified_by", "TEXT"},
            new String[] {"datasets", "storage_size_bytes", "INTEGER DEFAULT 0"},
            new String[] {"datasets", "record_count", "INTEGER DEFAULT 0"},
            new String[] {"datasets", "last_sync_count", "INTEGER NOT NULL DEFAULT 0"},
            new String[] {"datasets", "last_sync_timestamp", "INTEGER DEFAULT 0"},
            new String[] {"datasets", "last_sync_result", "TEXT"},
            new String[] {"records", "sync_count", "INTEGER NOT NULL DEFAULT 0"},
            new String[] {"records", "last_modified_timestamp", "INTEGER DEFAULT 0"},
            new String[] {"records", "last_modified_by", "TEXT"},
            new String[] {"records", "device_last_modified_timestamp", "INTEGER DEFAULT 0"},
            new String[] {"records", "modified", "INTEGER NOT NULL DEFAULT 1"},
            // syncshift's own: which service numbered the dataset's counts (CountSpace); null, as in a file AWS's
            // client wrote (it adds rows without it), is Cognito Sync.
            new String[] {"datasets", COUNT_SPACE, "TEXT"});

    private AndroidSchema() {
    }

    /** Creates or upgrades the tables in one transaction. */
    static void apply(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(DATASETS);
            statement.execute(RECORDS);
            statement.execute(IDENTITIES);
            statement.execute(WIPES);
            for (String[] column : COLUMNS) {
                addIfMissing(statement, column[0], column[1], column[2]);
            }
            if (userVersion(statement) < VERSION) {
                statement.execute("PRAGMA user_version = " + VERSION);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void addIfMissing(Statement statement, String table, String column, String definition)
            throws SQLException {
        Set<String> columns = new HashSet<>();
        try (ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                columns.add(rows.getString("name"));
            }
        }
        if (!columns.contains(column)) {
            statement.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition);
        }
    }

    private static int userVersion(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
