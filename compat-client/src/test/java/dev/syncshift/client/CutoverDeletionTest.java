package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deletions a cutover device makes, or must hear of, whatever AppSync held and whenever the app started. */
@ExtendWith(EmulatorsExtension.class)
class CutoverDeletionTest {

    @TempDir
    Path dir;

    /**
     * A dataset synchronized on Cognito Sync, then deleted by the same device switched to cutover before AppSync had
     * it, stays deleted: deleted on AppSync alone, it stayed in Cognito Sync and the next touch imported it again.
     */
    @Test
    void aDatasetDeletedBeforeAppSyncHadItStaysDeleted(Emulators emulators) {
        Path cache = dir.resolve("deleted.db");
        String identity;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("savegame");
            d.putAll(Map.of("level", "7", "coins", "300"));
            sync(d);
            identity = onCognito.getIdentityId();
        }
        try (CognitoSyncManager onCutover = emulators.device(Backend.CUTOVER).cacheFile(cache).build()) {
            Dataset d = onCutover.openOrCreateDataset("savegame");
            d.delete();
            sync(d);
            assertThat(onCutover.listDatasets()).extracting(DatasetMetadata::getDatasetName).doesNotContain("savegame");
        }
        try (CognitoSyncManager other = emulators.device(Backend.CUTOVER).identityId(identity).build()) {
            Dataset d = other.openOrCreateDataset("savegame");
            sync(d);
            assertThat(d.getAll()).isEmpty();
        }
    }

    /**
     * A dataset only Cognito Sync holds can still be deleted when AppSync refuses to import it (the identity has 20
     * datasets there, created after the switch): the deletion is made on AppSync alone, as before imports came first.
     */
    @Test
    void aDatasetAppSyncRefusesToImportCanStillBeDeleted(Emulators emulators) {
        Path cache = dir.resolve("refused.db");
        String identity;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("old");
            d.put("level", "7");
            sync(d);
            identity = onCognito.getIdentityId();
        }
        try (CognitoSyncManager onAppSync = emulators.device(Backend.APPSYNC).identityId(identity).build()) {
            for (int i = 0; i < 20; i++) {
                Dataset d = onAppSync.openOrCreateDataset("new" + i);
                d.put("k", "v");
                sync(d);
            }
        }
        try (CognitoSyncManager onCutover = emulators.device(Backend.CUTOVER).cacheFile(cache).build()) {
            Dataset d = onCutover.openOrCreateDataset("old");
            d.delete();
            sync(d);
            assertThat(d.getAll()).isEmpty();
            // deleted where it was, on Cognito Sync: no listing or import brings it back
            onCutover.refreshDatasetMetadata();
            assertThat(onCutover.listDatasets()).noneMatch(m -> m.getDatasetName().equals("old"));
        }
    }

    /**
     * A dataset another device deleted and re-created while this app was closed: the first synchronize after the
     * start reports the deletion and the next holds only the new dataset's records, on cutover as on appsync. A
     * cutover manager's first pull of a dataset is from zero, which alone cannot say "deleted after your count".
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"APPSYNC", "CUTOVER"})
    void aDeletionAndReCreationWhileTheAppWasClosedIsReportedAfterItStarts(Backend backend, Emulators emulators) {
        Path cache = dir.resolve("restart-" + backend + ".db");
        String identity;
        try (CognitoSyncManager first = emulators.device(backend).cacheFile(cache).build()) {
            Dataset d = first.openOrCreateDataset("inventory");
            d.putAll(Map.of("sword", "1", "shield", "1"));
            sync(d);
            identity = first.getIdentityId();
        }
        try (CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(identity).build()) {
            Dataset d = other.openOrCreateDataset("inventory");
            sync(d);
            d.delete();
            sync(d);
            Dataset again = other.openOrCreateDataset("inventory");
            again.put("potion", "3");
            sync(again);
        }
        try (CognitoSyncManager restarted = emulators.device(backend).cacheFile(cache).build()) {
            Dataset d = restarted.openOrCreateDataset("inventory");
            RecordingCallback callback = new RecordingCallback();
            d.synchronize(callback);
            callback.succeeded();
            assertThat(callback.deletedDataset()).isEqualTo("inventory");
            sync(d);
            assertThat(d.getAll()).isEqualTo(Map.of("potion", "3"));
        }
    }
}
