package dev.syncshift.client.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    /**
     * Two caches on one file (an app started twice, or a second manager beside the first) write at once: each write
     * reads before it writes, which SQLite cannot let wait for the other's lock once it has read, unless the
     * transaction takes the write lock first. Neither side may fail, and neither may lose an edit.
     */
    @Test
    void twoCachesOnOneFileWriteAtOnceWithoutFailingOrLosingAnEdit() throws Exception {
        int edits = 500;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (LocalCache other = SqliteLocalCache.open(file)) {
            List<Future<?>> writers = new ArrayList<>();
            for (Map.Entry<String, LocalCache> side : Map.of("a", cache, "b", other).entrySet()) {
                writers.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < edits; i++) {
                        LocalRecord pulled = new LocalRecord(new RecordKey(side.getKey() + i), "v" + i,
                                new SyncCount(i + 1), NOW, ALICE.value(), NOW, false);
                        side.getValue().update(PREFS, List.of(new RecordUpdate(null, pulled, false)));
                        side.getValue().putValues(PREFS, values(side.getKey() + i, "edited"), NOW);
                        side.getValue().setLastSyncCount(PREFS, new SyncCount(i + 1), CountSpace.APPSYNC);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(cache.modifiedRecords(PREFS)).hasSize(2 * edits);
    }
}
