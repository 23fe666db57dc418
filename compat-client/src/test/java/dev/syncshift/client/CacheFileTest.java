package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.core.IdentityPoolId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite cache file across process lives: an Android app's cache file synchronizes its unsynced edits, and a
 * client abandoned in the middle of a synchronize (its push stored, the answer never processed, as when the JVM is
 * killed) leaves every acknowledged edit to the next client that opens the file, and a wiped identity leaves nothing
 * of its data in the file.
 */
@ExtendWith(EmulatorsExtension.class)
class CacheFileTest {

    @TempDir
    Path dir;

    @Test
    void wipeDataLeavesNoTraceOfTheIdentitysRecordsInTheFiles(Emulators emulators) throws IOException {
        Path file = dir.resolve("wiped.db");
        try (CognitoSyncManager app = emulators.device(Backend.COGNITO).cacheFile(file).build()) {
            Dataset diary = app.openOrCreateDataset("diary");
            diary.put("entry-kept-secret", "alice-private-note-synced");
            sync(diary);
            diary.put("entry-kept-secret", "alice-private-note-unsynced");
            String identity = app.getIdentityId();

            app.wipeData();

            assertThat(cacheFilesText(file)).doesNotContain("alice-private-note", "entry-kept-secret", identity);
            Dataset next = app.openOrCreateDataset("diary");
            assertThat(next.getAll()).isEmpty();
        }
        assertThat(cacheFilesText(file)).doesNotContain("alice-private-note", "entry-kept-secret");
    }

    /**
     * A logout (wipeData) while a synchronize is under way: what the synchronize pulled for the wiped identity is not
     * written after the wipe, and the app is not handed it in onSuccess.
     */
    @Test
    void aWipeWhileASynchronizeRunsKeepsNothingItPulled(Emulators emulators) throws IOException {
        Path file = dir.resolve("wiped-mid-sync.db");
        String identity;
        try (LogoutAfterPull app = new LogoutAfterPull(emulators, file)) {
            identity = app.device.getIdentityId();
            writeElsewhere(emulators, identity, "diary", "entry-from-another-device", "alice-private-note-pulled");
            Dataset diary = app.device.openOrCreateDataset("diary");
            app.armed.set(true);
            RecordingCallback callback = new RecordingCallback();

            diary.synchronize(callback);

            assertThat(callback.failed()).hasMessageContaining("wipeData");
            assertThat(callback.terminalCalls()).isOne();
            assertThat(app.device.openOrCreateDataset("diary").getAll()).isEmpty();
        }
        assertThat(cacheFilesText(file)).doesNotContain("alice-private-note", "entry-from-another-device", identity);
    }

    /** A logout while refreshDatasetMetadata runs: the listing it fetched for the wiped identity is not kept. */
    @Test
    void aWipeWhileTheMetadataIsRefreshedKeepsNothingItListed(Emulators emulators) throws IOException {
        Path file = dir.resolve("wiped-mid-refresh.db");
        String identity;
        try (LogoutAfterPull app = new LogoutAfterPull(emulators, file)) {
            identity = app.device.getIdentityId();
            writeElsewhere(emulators, identity, "alice-private-journal", "entry", "written elsewhere");
            app.armed.set(true);

            assertThatThrownBy(app.device::refreshDatasetMetadata).isInstanceOf(DataStorageException.class)
                    .hasMessageContaining("wipeData");
            assertThat(app.device.listDatasets()).isEmpty();
        }
        assertThat(cacheFilesText(file)).doesNotContain("alice-private-journal", identity);
    }

    /** A device on a cache file whose user logs out (wipeData) once armed, as the answer to its next pull arrives. */
    private static final class LogoutAfterPull implements AutoCloseable {
        final AtomicBoolean armed = new AtomicBoolean();
        final CognitoSyncManager device;

        LogoutAfterPull(Emulators emulators, Path file) {
            AtomicReference<CognitoSyncManager> self = new AtomicReference<>();
            device = emulators.device(Backend.COGNITO).cacheFile(file).remoteStore((wiring, credentials) ->
                    new HookedRemote(wiring.cognito(credentials), () -> { }, () -> {
                        if (armed.getAndSet(false)) {
                            self.get().wipeData();
                        }
                    })).build();
            self.set(device);
        }

        @Override
        public void close() {
            device.close();
        }
    }

    /** Another device of {@code identity} puts {@code key} in {@code dataset} and synchronizes. */
    private static void writeElsewhere(Emulators emulators, String identity, String dataset, String key,
            String value) {
        try (CognitoSyncManager other = emulators.device(Backend.COGNITO).identityId(identity).build()) {
            Dataset written = other.openOrCreateDataset(dataset);
            written.put(key, value);
            sync(written);
        }
    }

    /** The bytes of the cache file and its SQLite companions (write-ahead log, shared memory), as Latin-1 text. */
    private static String cacheFilesText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path part = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(part)) {
                text.append(new String(Files.readAllBytes(part), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    @Test
    void anAndroidCacheFileWithUnsyncedEditsSynchronizes(Emulators emulators) throws SQLException {
        String identity;
        try (CognitoSyncManager probe = emulators.device(Backend.COGNITO).build()) {
            identity = probe.getIdentityId();
        }
        Path file = dir.resolve("cognito_dataset_cache.db");
        writeAndroidFile(file, identity);

        try (CognitoSyncManager app = emulators.device(Backend.COGNITO).cacheFile(file).identityId(identity)
                .build()) {
            Dataset settings = app.openOrCreateDataset("settings");
            assertThat(settings.isChanged("volume")).isTrue();
            sync(settings);
            assertThat(settings.getAllRecords()).noneMatch(Record::isModified);
        }
        try (CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(identity).build()) {
            Dataset cutoverCopy = other.openOrCreateDataset("settings");
            sync(cutoverCopy);
            assertThat(cutoverCopy.getAll()).isEmpty();
        }
        try (CognitoSyncManager other = emulators.device(Backend.COGNITO).identityId(identity).build()) {
            Dataset settings = other.openOrCreateDataset("settings");
            sync(settings);
            assertThat(settings.getAll()).isEqualTo(Map.of("volume", "7", "théme", "dark ☾"));
            assertThat(settings.getRecord("muted").isDeleted()).isTrue();
        }
    }

    /**
     * A record another app left on Cognito Sync whose text is not valid Unicode (half an emoji) is pulled, but the
     * cache file keeps UTF-8, which has no form for it: the file holds {@code ?} in its place, and that is logged,
     * naming the record.
     */
    @Test
    void aPulledRecordThatIsNotUnicodeIsLoggedAsTheCacheFileAltersIt(Emulators emulators) {
        try (CognitoSyncManager app = emulators.device(Backend.COGNITO).cacheFile(dir.resolve("pulled.db")).build()) {
            Dataset titles = app.openOrCreateDataset("titles");
            titles.put("fine", "ok");
            sync(titles);
            emulators.writeOnCognito(app.getIdentityId(), "titles", "title", "cut \ud83d");

            String logged = StandardError.of(() -> sync(titles));

            assertThat(titles.get("title")).isEqualTo("cut ?");
            assertThat(logged).contains("In dataset titles, the value of record 'title' holds text that is not "
                    + "valid Unicode (an unpaired surrogate, U+D83D, at character 5); the cache file holds '?' in its "
                    + "place");
        }
    }

    @Test
    void aCacheFileInFoldersThatDoNotExistYetIsMadeWithThemOnFirstStart() {
        Path file = dir.resolve(".myapp").resolve("state").resolve("cognito_dataset_cache.db");

        try (LocalCache cache = SqliteLocalCache.open(file)) {
            assertThat(cache.identity(new IdentityPoolId("us-east-1:0a1b2c3d-0000-4000-8000-000000000001")))
                    .isEmpty();
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void aCacheFileWhereAFileStandsInPlaceOfItsFolderIsRefusedNamingThatFile() throws IOException {
        Path settings = Files.writeString(dir.resolve("settings"), "theme=dark");

        Path directlyUnder = settings.resolve("cache.db");
        assertThatThrownBy(() -> SqliteLocalCache.open(directlyUnder)).isInstanceOf(DataStorageException.class)
                .hasMessage("Could not make the folder of the local cache " + directlyUnder + ": " + settings
                        + " is a file, not a folder");
        Path further = settings.resolve("state").resolve("cache.db");
        assertThatThrownBy(() -> SqliteLocalCache.open(further)).isInstanceOf(DataStorageException.class)
                .hasMessage("Could not make the folder of the local cache " + further + ": " + further.getParent()
                        + ": Not a directory");
        assertThat(settings).hasContent("theme=dark");
    }

    @Test
    void aFileThatIsNotACacheIsRefusedWithADataStorageExceptionAndLeftAsItWas() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.db"), "not a database, and longer than a header ".repeat(40));
        byte[] before = Files.readAllBytes(notes);

        assertThatThrownBy(() -> SqliteLocalCache.open(notes)).isInstanceOf(DataStorageException.class)
                .hasMessageStartingWith("Could not open the local cache " + notes + ": ");
        assertThat(Files.readAllBytes(notes)).isEqualTo(before);
    }

    /** The tables as AWS's Android client created them (SQLiteLocalStorage, DB_VERSION 2), with its metadata. */
    private static void writeAndroidFile(Path file, String identity) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE android_metadata (locale TEXT)");
            s.execute("INSERT INTO android_metadata VALUES ('en_US')");
            s.execute("CREATE TABLE datasets(identity_id TEXT NOT NULL,dataset_name TEXT NOT NULL,"
                    + "creation_timestamp INTEGER DEFAULT 0,last_modified_timestamp INTEGER DEFAULT 0,"
                    + "last_modified_by TEXT,storage_size_bytes INTEGER DEFAULT 0,record_count INTEGER DEFAULT 0,"
                    + "last_sync_count INTEGER NOT NULL DEFAULT 0,last_sync_timestamp INTEGER DEFAULT 0,"
                    + "last_sync_result TEXT,UNIQUE (identity_id, dataset_name))");
            s.execute("CREATE TABLE records(identity_id TEXT NOT NULL,dataset_name TEXT NOT NULL,key TEXT NOT NULL,"
                    + "value TEXT,sync_count INTEGER NOT NULL DEFAULT 0,last_modified_timestamp INTEGER DEFAULT 0,"
                    + "last_modified_by TEXT,device_last_modified_timestamp INTEGER DEFAULT 0,"
                    + "modified INTEGER NOT NULL DEFAULT 1,UNIQUE (identity_id, dataset_name, key))");
            s.execute("PRAGMA user_version = 2");
            s.execute("INSERT INTO datasets (identity_id, dataset_name, creation_timestamp, last_modified_timestamp)"
                    + " VALUES ('" + identity + "', 'settings', 1700000000000, 1700000001000)");
            String row = "INSERT INTO records (identity_id, dataset_name, key, value, device_last_modified_timestamp)"
                    + " VALUES ('" + identity + "', 'settings', ";
            s.execute(row + "'volume', '7', 1700000000500)");
            s.execute(row + "'théme', 'dark ☾', 1700000000600)");
            s.execute(row + "'muted', NULL, 1700000000700)");
        }
    }

    @Test
    void editsAcknowledgedBeforeAClientDiesMidSynchronizeAreSynchronizedByTheNextOne(Emulators emulators) {
        Path file = dir.resolve("killed.db");
        CountDownLatch pushing = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        CognitoSyncManager dying = emulators.device(Backend.COGNITO).cacheFile(file)
                .remoteStore((wiring, credentials) -> new HookedRemote(wiring.cognito(credentials), () -> {
                    pushing.countDown();
                    awaitQuietly(end);
                }))
                .build();
        Dataset d = dying.openOrCreateDataset("journal");
        d.putAll(Map.of("1", "first", "2", "second"));
        String identity = dying.getIdentityId();
        d.synchronize(new RecordingCallback());
        awaitQuietly(pushing);
        d.put("3", "made while the push hangs");

        try (CognitoSyncManager next = emulators.device(Backend.COGNITO).cacheFile(file).build()) {
            assertThat(next.getIdentityId()).isEqualTo(identity);
            Dataset again = next.openOrCreateDataset("journal");
            sync(again);
            assertThat(again.getAll()).isEqualTo(Map.of("1", "first", "2", "second", "3",
                    "made while the push hangs"));
            assertThat(again.getAllRecords()).noneMatch(Record::isModified);
        } finally {
            end.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
