package dev.syncshift.client.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.core.RecordKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a SQLite file in a temp dir, plus what only a file has: reopening and upgrading. */
class SqliteLocalCacheTest extends LocalCacheContract {

    @TempDir
    static Path dir;
    private static int files;

    private Path file;

    @Override
    protected LocalCache newCache() {
        file = dir.resolve("cache-" + files++ + ".db");
        return SqliteLocalCache.open(file);
    }

    @Test
    void aSecondOpeningWhileTheFirstIsAbandonedSeesEveryAcknowledgedEdit() {
        cache.putValues(PREFS, values("a", "1", "b", "2"), NOW);

        try (LocalCache reopened = SqliteLocalCache.open(file)) {
            assertThat(reopened.modifiedRecords(PREFS)).extracting(r -> r.key().value()).containsExactly("a", "b");
        }
    }

    @Test
    void aFileMissingColumnsIsUpgradedWithoutLosingRows() throws SQLException {
        Path old = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE datasets (identity_id TEXT NOT NULL, dataset_name TEXT NOT NULL, "
                    + "last_sync_count INTEGER NOT NULL DEFAULT 0, UNIQUE (identity_id, dataset_name))");
            s.execute("CREATE TABLE records (identity_id TEXT NOT NULL, dataset_name TEXT NOT NULL, "
                    + "key TEXT NOT NULL, value TEXT, modified INTEGER NOT NULL DEFAULT 1, "
                    + "UNIQUE (identity_id, dataset_name, key))");
            s.execute("INSERT INTO datasets (identity_id, dataset_name) VALUES ('" + ALICE.value() + "', 'prefs')");
            s.execute("INSERT INTO records (identity_id, dataset_name, key, value) VALUES ('" + ALICE.value()
                    + "', 'prefs', 'unsynced', 'keep me')");
        }

        try (LocalCache upgraded = SqliteLocalCache.open(old)) {
            LocalRecord kept = upgraded.record(PREFS, new RecordKey("unsynced")).orElseThrow();
            assertThat(kept.value()).isEqualTo("keep me");
            assertThat(kept.modified()).isTrue();
        }
    }
}
