package dev.syncshift.client.cache.sqlite;

import static dev.syncshift.client.cache.sqlite.SqliteRows.RECORD_COLUMNS;
import static dev.syncshift.client.cache.sqlite.SqliteRows.bindKey;
import static dev.syncshift.client.cache.sqlite.SqliteRows.bindRecord;

import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.spi.CountSpace;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalDataset;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.client.spi.RecordUpdate;
import dev.syncshift.client.spi.RememberedIdentity;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * The {@link LocalCache} in a SQLite file with the tables of AWS's Android cache ({@code cognito_dataset_cache.db}):
 * an app's existing file opens with its unsynced edits, and every change is one transaction in WAL mode, durable
 * when the method returns (a JVM killed afterwards loses nothing). One connection, guarded by this object's lock.
 */
public final class SqliteLocalCache implements LocalCache {

    private static final String RECORD_WHERE = " FROM records WHERE identity_id = ? AND dataset_name = ?";
    private static final String UPSERT_RECORD = "INSERT OR REPLACE INTO records (identity_id, dataset_name, "
            + RECORD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final int BUSY_TIMEOUT_MS = 5000;

    private final Connection connection;
    private final SqliteDatasets datasets;
    private boolean closed;
    /** A wipe ran within {@link #writeUnlessMoved}'s transaction: the write-ahead log is emptied once it ends. */
    private boolean checkpointDue;

    private SqliteLocalCache(Connection connection) {
        this.connection = connection;
        this.datasets = new SqliteDatasets(connection);
    }

    /**
     * Opens (creating or upgrading, never wiping) the cache file, making its missing folders first (SQLite makes the
     * file only: a desktop app's first start with {@code ~/.myapp/cache.db} would otherwise fail).
     *
     * @throws DataStorageException when the file cannot be opened
     */
    public static SqliteLocalCache open(Path file) {
        Connection connection;
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new DataStorageException("Could not make the folder of the local cache " + file + ": " + why(e), e);
        }
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), settings());
        } catch (SQLException e) {
            throw new DataStorageException("Could not open the local cache " + file + ": " + e.getMessage(), e);
        }
        try {
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
                // Deleted content is overwritten, not left in free pages: a wiped identity leaves no trace.
                statement.execute("PRAGMA secure_delete = ON");
            }
            AndroidSchema.apply(connection);
            return new SqliteLocalCache(connection);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw new DataStorageException("Could not open the local cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** What stopped a folder being made, in the operating system's words rather than Java's exception names. */
    private static String why(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder";
        }
        if (e instanceof FileSystemException failed) {
            String reason = failed.getReason() != null ? failed.getReason()
                    : e instanceof NoSuchFileException ? "No such file or directory"
                    : e instanceof AccessDeniedException ? "Permission denied" : e.getClass().getSimpleName();
            return failed.getFile() + ": " + reason;
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Another connection to the file (the app started twice, or a second manager on the same file) is waited for up
     * to 5 s rather than failed at once. Every transaction here writes, so each takes the write lock when it begins:
     * one that read first could not wait for it afterwards (SQLite refuses it with {@code SQLITE_BUSY_SNAPSHOT}).
     */
    private static Properties settings() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.toProperties();
    }

    @Override
    public synchronized LocalDataset openDataset(DatasetKey key, Instant now) {
        return run(() -> datasets.open(key, now));
    }

    @Override
    public synchronized Optional<LocalDataset> dataset(DatasetKey key) {
        return run(() -> datasets.find(key));
    }

    @Override
    public synchronized List<LocalDataset> datasets(IdentityId identityId) {
        return run(() -> datasets.of(identityId));
    }

    @Override
    public synchronized Optional<LocalRecord> record(DatasetKey key, RecordKey recordKey) {
        return run(() -> find(key, recordKey));
    }

    @Override
    public synchronized List<LocalRecord> records(DatasetKey key) {
        return run(() -> select(key, ""));
    }

    @Override
    public synchronized List<LocalRecord> modifiedRecords(DatasetKey key) {
        return run(() -> select(key, " AND modified = 1"));
    }

    @Override
    public synchronized void putValues(DatasetKey key, Map<RecordKey, @Nullable String> values, Instant now) {
        inTransaction(() -> {
            datasets.open(key, now);
            boolean changed = false;
            for (Map.Entry<RecordKey, @Nullable String> entry : values.entrySet()) {
                changed |= putValue(key, entry.getKey(), entry.getValue(), now);
            }
            if (changed) {
                datasets.touch(key, now);
            }
        });
    }

    private boolean putValue(DatasetKey key, RecordKey recordKey, @Nullable String value, Instant now)
            throws SQLException {
        Optional<LocalRecord> old = find(key, recordKey);
        if (old.isPresent() && Objects.equals(old.get().value(), value)) {
            return false;
        }
        upsert(key, old.map(o -> new LocalRecord(o.key(), value, o.syncCount(), o.lastModifiedDate(),
                o.lastModifiedBy(), now, true)).orElseGet(() -> new LocalRecord(recordKey, value, SyncCount.ZERO,
                        Instant.EPOCH, null, now, true)));
        return true;
    }

    @Override
    public synchronized void putRecords(DatasetKey key, List<LocalRecord> records) {
        inTransaction(() -> {
            for (LocalRecord record : records) {
                upsert(key, record);
            }
        });
    }

    @Override
    public synchronized List<RecordUpdate> update(DatasetKey key, List<RecordUpdate> updates) {
        return transaction(() -> {
            List<RecordUpdate> applied = new ArrayList<>();
            boolean deleted = datasets.find(key).map(LocalDataset::deletedLocally).orElse(false);
            for (RecordUpdate update : updates) {
                LocalRecord current = find(key, update.replacement().key()).orElse(null);
                if (deleted && update.expected() == null) {
                    continue; // a record pulled into a dataset the app deleted meanwhile: not brought back
                }
                if (Objects.equals(current, update.expected())) {
                    upsert(key, update.replacement());
                    applied.add(update);
                } else if (update.rebaseIfChanged() && current != null && current.modified()) {
                    upsert(key, current.rebasedOn(update.replacement()));
                }
            }
            return applied;
        });
    }

    @Override
    public synchronized void setLastSyncCount(DatasetKey key, SyncCount count, CountSpace space) {
        run(() -> datasets.setLastSyncCount(key, count.value(), space, Instant.now()));
    }

    @Override
    public synchronized void forgetCounts(DatasetKey key, CountSpace space, Set<RecordKey> onService) {
        transaction(() -> {
            for (LocalRecord record : select(key, "")) {
                if (!record.modified() && !onService.contains(record.key())) {
                    deleteRecords(key, " AND key = ?", record.key().value());
                } else if (record.syncCount().value() != 0) {
                    upsert(key, new LocalRecord(record.key(), record.value(), SyncCount.ZERO,
                            record.lastModifiedDate(), record.lastModifiedBy(), record.deviceLastModifiedDate(),
                            record.modified()));
                }
            }
            return datasets.setLastSyncCount(key, 0, space, Instant.now());
        });
    }

    @Override
    public synchronized void markDeleted(DatasetKey key, Instant now) {
        transaction(() -> {
            datasets.open(key, now);
            deleteRecords(key);
            return datasets.setLastSyncCount(key, -1, now);
        });
    }

    @Override
    public synchronized void remoteDeleted(DatasetKey key) {
        transaction(() -> {
            if (select(key, "").isEmpty()) {
                return datasets.delete(key);
            }
            return datasets.setLastSyncCount(key, 0, Instant.now());
        });
    }

    @Override
    public synchronized void purge(DatasetKey key) {
        transaction(() -> {
            deleteRecords(key);
            return datasets.delete(key);
        });
    }

    @Override
    public synchronized void updateMetadata(DatasetMetadata metadata) {
        transaction(() -> datasets.updateMetadata(metadata));
    }

    @Override
    public synchronized void changeIdentity(IdentityId from, IdentityId to) {
        transaction(() -> new SqliteIdentityMove(connection, datasets).move(from, to));
    }

    /**
     * {@inheritDoc} The deleted rows are overwritten in the file ({@code secure_delete}), and the write-ahead log,
     * which still holds the pages as they were before, is written back and emptied (within
     * {@link #writeUnlessMoved}'s write, once its transaction ends).
     */
    @Override
    public synchronized void wipe(IdentityId identityId) {
        boolean alone = run(connection::getAutoCommit);
        transaction(() -> {
            for (LocalDataset dataset : datasets.of(identityId)) {
                deleteRecords(dataset.key());
                datasets.delete(dataset.key());
            }
            return datasets.forgetIdentity(identityId);
        });
        checkpointDue = true;
        if (alone) {
            checkpoint();
        }
    }

    /** Writes the write-ahead log back into the file and empties it; SQLite refuses that within a transaction. */
    private void checkpoint() {
        checkpointDue = false;
        run(() -> {
            try (var statement = connection.createStatement()) {
                return statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        });
    }

    @Override
    public synchronized Optional<IdentityId> identity(IdentityPoolId pool) {
        return run(() -> datasets.identity(pool));
    }

    @Override
    public synchronized long wipes(IdentityPoolId pool) {
        return run(() -> datasets.wipes(pool));
    }

    /** {@inheritDoc} Both are read in one transaction of the file. */
    @Override
    public synchronized RememberedIdentity remembered(IdentityPoolId pool) {
        return transaction(() -> new RememberedIdentity(datasets.identity(pool).orElse(null), datasets.wipes(pool)));
    }

    /**
     * {@inheritDoc} The transaction takes the file's write lock when it begins: no wipe or login lands between the two.
     */
    @Override
    public synchronized boolean writeUnlessMoved(IdentityPoolId pool, long wipes, @Nullable IdentityId identity,
            Runnable write) {
        boolean written = transaction(() -> {
            if (datasets.wipes(pool) != wipes
                    || identity != null && !datasets.identity(pool).equals(Optional.of(identity))) {
                return false;
            }
            write.run();
            return true;
        });
        if (checkpointDue) {
            checkpoint();
        }
        return written;
    }

    @Override
    public synchronized void rememberIdentity(IdentityPoolId pool, IdentityId identityId) {
        run(() -> datasets.rememberIdentity(pool, identityId));
    }

    @Override
    public synchronized IdentityId rememberFirstIdentity(IdentityPoolId pool, IdentityId identityId) {
        return transaction(() -> datasets.rememberFirstIdentity(pool, identityId));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataStorageException("Could not close the local cache: " + e.getMessage(), e);
        }
    }

    private Optional<LocalRecord> find(DatasetKey key, RecordKey recordKey) throws SQLException {
        List<LocalRecord> found = select(key, " AND key = ?", recordKey.value());
        return found.stream().findFirst();
    }

    private List<LocalRecord> select(DatasetKey key, String condition, String... more) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + RECORD_COLUMNS + RECORD_WHERE
                + condition + " ORDER BY key")) {
            bindKey(statement, key);
            for (int i = 0; i < more.length; i++) {
                statement.setString(3 + i, more[i]);
            }
            List<LocalRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(SqliteRows.record(rows));
                }
            }
            return records;
        }
    }

    private void upsert(DatasetKey key, LocalRecord record) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_RECORD)) {
            bindKey(statement, key);
            bindRecord(statement, key, record);
            statement.executeUpdate();
        }
    }

    private void deleteRecords(DatasetKey key) throws SQLException {
        deleteRecords(key, "");
    }

    private void deleteRecords(DatasetKey key, String condition, String... more) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE" + RECORD_WHERE + condition)) {
            bindKey(statement, key);
            for (int i = 0; i < more.length; i++) {
                statement.setString(3 + i, more[i]);
            }
            statement.executeUpdate();
        }
    }

    private <T> T run(SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("The cache is closed");
        }
        try {
            return work.run();
        } catch (SQLException e) {
            throw new DataStorageException("Local cache failure: " + e.getMessage(), e);
        }
    }

    private <T> T transaction(SqlWork<T> work) {
        return run(() -> {
            if (!connection.getAutoCommit()) {
                return work.run(); // within writeUnlessMoved's transaction, which commits or rolls back the whole
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private void inTransaction(SqlAction action) {
        transaction(() -> {
            action.run();
            return Boolean.TRUE;
        });
    }

    /** Work on the connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Work on the connection that answers nothing. */
    @FunctionalInterface
    interface SqlAction {
        void run() throws SQLException;
    }
}
