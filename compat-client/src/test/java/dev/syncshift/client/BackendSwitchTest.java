package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A device switched from one service's counts to the other's (Cognito Sync numbers its revisions, AppSync its own):
 * its first synchronize after the switch must not take a count it had from one service for a count of the other,
 * even when the two are equal, which they are right after a migration.
 */
@ExtendWith(EmulatorsExtension.class)
class BackendSwitchTest {

    @TempDir
    Path dir;

    @Test
    void aDeviceAtTheSameCountAsTheNewServiceStillReceivesItsCopy(Emulators emulators) {
        Path cache = dir.resolve("same-count.db");
        String identity;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("game");
            d.put("a", "cognito 1");
            sync(d);
            d.put("a", "cognito 2");
            sync(d);
            identity = onCognito.getIdentityId();
        }
        try (CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(identity).build()) {
            Dataset d = other.openOrCreateDataset("game");
            d.putAll(Map.of("a", "appsync 1", "b", "appsync 1"));
            sync(d);
            d.put("a", "appsync 2");
            sync(d);
            assertThat(d.getLastSyncCount()).isEqualTo(2);
        }

        try (CognitoSyncManager onAppSync = emulators.device(Backend.APPSYNC).cacheFile(cache).build()) {
            Dataset d = onAppSync.openOrCreateDataset("game");
            sync(d);
            assertThat(d.getAll()).isEqualTo(Map.of("a", "appsync 2", "b", "appsync 1"));
            d.put("c", "switched");
            sync(d);
        }
        assertThat(readBy(emulators, Backend.APPSYNC, identity, "game"))
                .isEqualTo(Map.of("a", "appsync 2", "b", "appsync 1", "c", "switched"));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"APPSYNC, COGNITO", "CUTOVER, COGNITO", "COGNITO, APPSYNC", "COGNITO, CUTOVER"})
    void anEditBasedOnTheOldServicesVersionConflictsWithTheNewServicesValueAtAnEqualCount(Backend from, Backend to,
            Emulators emulators) {
        Path cache = dir.resolve("edit-" + from + "-" + to + ".db");
        String identity;
        try (CognitoSyncManager before = emulators.device(from).cacheFile(cache).build()) {
            Dataset d = before.openOrCreateDataset("notes");
            d.put("k", "base on " + from);
            sync(d);
            d.put("k", "edited before the switch");
            identity = before.getIdentityId();
        }
        try (CognitoSyncManager other = emulators.device(to).identityId(identity).build()) {
            Dataset d = other.openOrCreateDataset("notes");
            d.put("k", "another device on " + to);
            sync(d);
        }

        try (CognitoSyncManager after = emulators.device(to).cacheFile(cache).build()) {
            Dataset d = after.openOrCreateDataset("notes");
            RecordingCallback callback = new RecordingCallback().resolvingWith(SyncConflict::resolveWithRemoteRecord);
            d.synchronize(callback);
            callback.succeeded();

            assertThat(callback.conflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.getLocalRecord().getValue()).isEqualTo("edited before the switch");
                assertThat(conflict.getRemoteRecord().getValue()).isEqualTo("another device on " + to);
            });
            assertThat(d.get("k")).isEqualTo("another device on " + to);
        }
        assertThat(readBy(emulators, to, identity, "notes")).isEqualTo(Map.of("k", "another device on " + to));
    }

    @Test
    void aSwitchBackToCognitoTakesCognitosCopyAndPushesOnlyTheUnsyncedEdits(Emulators emulators) {
        Path cache = dir.resolve("back.db");
        String identity;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("both");
            d.put("base", "on cognito");
            sync(d);
            identity = onCognito.getIdentityId();
        }
        try (CognitoSyncManager onAppSync = emulators.device(Backend.APPSYNC).cacheFile(cache).build()) {
            Dataset both = onAppSync.openOrCreateDataset("both");
            both.put("synced", "on appsync");
            sync(both);
            both.put("unsynced", "edit");
            Dataset only = onAppSync.openOrCreateDataset("only");
            only.put("synced", "on appsync");
            sync(only);
            only.put("unsynced", "edit");
        }

        try (CognitoSyncManager back = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset both = back.openOrCreateDataset("both");
            sync(both);
            Dataset only = back.openOrCreateDataset("only");
            sync(only);

            assertThat(both.getAll()).isEqualTo(Map.of("base", "on cognito", "unsynced", "edit"));
            assertThat(only.getAll()).isEqualTo(Map.of("unsynced", "edit"));
            assertThat(both.getAllRecords()).noneMatch(Record::isModified);
        }
        assertThat(readBy(emulators, Backend.COGNITO, identity, "both"))
                .isEqualTo(Map.of("base", "on cognito", "unsynced", "edit"));
        assertThat(readBy(emulators, Backend.COGNITO, identity, "only")).isEqualTo(Map.of("unsynced", "edit"));
    }

    @Test
    void aDatasetTheNewServiceDeletedIsReportedDeletedAndStaysDeleted(Emulators emulators) {
        Path cache = dir.resolve("deleted.db");
        String identity;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("old");
            d.put("k", "v");
            sync(d);
            identity = onCognito.getIdentityId();
        }
        try (CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(identity).build()) {
            Dataset d = other.openOrCreateDataset("old");
            d.put("k", "v");
            sync(d);
            d.delete();
            sync(d);
        }

        try (CognitoSyncManager onAppSync = emulators.device(Backend.APPSYNC).cacheFile(cache).build()) {
            Dataset d = onAppSync.openOrCreateDataset("old");
            RecordingCallback callback = new RecordingCallback();
            d.synchronize(callback);
            callback.succeeded();

            assertThat(callback.deletedDataset()).isEqualTo("old");
            assertThat(d.getAll()).isEmpty();
        }
        assertThat(readBy(emulators, Backend.APPSYNC, identity, "old")).isEmpty();
    }

    /** A deletion made on the old backend and not yet synchronized is kept through the switch, then made. */
    @Test
    void aDeletionNotYetSynchronizedIsMadeOnTheNewService(Emulators emulators) {
        Path cache = dir.resolve("pending-deletion.db");
        String identity;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("gone");
            d.put("k", "v");
            sync(d);
            identity = onCognito.getIdentityId();
            d.delete();
        }
        try (CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(identity).build()) {
            Dataset d = other.openOrCreateDataset("gone");
            d.put("k", "v");
            sync(d);
        }

        try (CognitoSyncManager onAppSync = emulators.device(Backend.APPSYNC).cacheFile(cache).build()) {
            Dataset d = onAppSync.openOrCreateDataset("gone");
            sync(d);
            assertThat(d.getAll()).isEmpty();
        }
        assertThat(readBy(emulators, Backend.APPSYNC, identity, "gone")).isEmpty();
    }

    /** What a new device of {@code identity} on {@code backend} holds after synchronizing {@code dataset}. */
    private static Map<String, String> readBy(Emulators emulators, Backend backend, String identity, String dataset) {
        try (CognitoSyncManager device = emulators.device(backend).identityId(identity).build()) {
            Dataset d = device.openOrCreateDataset(dataset);
            sync(d);
            return d.getAll();
        }
    }
}
