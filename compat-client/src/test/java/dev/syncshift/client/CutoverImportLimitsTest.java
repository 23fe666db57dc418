package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cutover import and the dataset limits: an import that would leave a dataset over them writes nothing. */
@ExtendWith(EmulatorsExtension.class)
class CutoverImportLimitsTest {

    /**
     * A revision-mode import larger than one transaction, that AppSync refuses as over the record limit (AppSync's
     * changes and Cognito's together), must write nothing (docs/compat-client.md, "importDataset"). Its earlier
     * parts were held only to twice the limits and were written, each as a revision: the store was left over 1,024
     * records, and no device of the identity could synchronize an edit of the dataset any more.
     */
    @Test
    void aRevisionImportRefusedAsOverTheLimitsAtItsLastPartWritesNothing(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = legacy.openOrCreateDataset("inventory");
            old.put("seed", "0");
            sync(old);
            try (CognitoSyncManager first = emulators.device(Backend.CUTOVER).identityId(legacy.getIdentityId())
                    .build()) {
                Dataset onAppSync = first.openOrCreateDataset("inventory");
                sync(onAppSync);
                onAppSync.putAll(records("k", 929));
                sync(onAppSync);
                assertThat(onAppSync.getAll()).hasSize(930);

                old.putAll(records("n", 100));
                sync(old);
                try (CognitoSyncManager second = emulators.device(Backend.CUTOVER)
                        .identityId(legacy.getIdentityId()).build()) {
                    DataStorageException refused = syncFailure(second.openOrCreateDataset("inventory"));
                    assertThat(refused).isInstanceOf(DataLimitExceededException.class);
                }
                try (CognitoSyncManager reader = emulators.device(Backend.APPSYNC)
                        .identityId(legacy.getIdentityId()).build()) {
                    Dataset stored = reader.openOrCreateDataset("inventory");
                    sync(stored);
                    assertThat(stored.getAll().size()).as("records AppSync holds after the refused import")
                            .isEqualTo(930);
                }

                onAppSync.put("k0", "edited");
                sync(onAppSync);
                assertThat(onAppSync.getAll()).hasSize(930).containsEntry("k0", "edited");
            }
        }
    }

    /**
     * An import in parts whose records the store does not apply (keys an old install edited on Cognito Sync, then
     * removed on AppSync later: the store keeps its later removal) changes nothing in the dataset's totals, and must
     * be taken when the dataset is within the limits. The first part's {@code later} (ImportEffect) counts each such
     * edit as a record added, the store's removal of its key not being one of the "store's records" it weighs, so the
     * store refuses the import as ending over 1,024 records: the synchronize fails, and so does every later
     * synchronize of the dataset by a device that has not imported it, though nothing would be written.
     */
    @Test
    void anImportOfEditsOfKeysRemovedOnAppSyncSinceIsNotRefusedAsOverTheLimits(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = legacy.openOrCreateDataset("stock");
            Map<String, String> original = records("k", 99);
            old.putAll(original);
            sync(old);
            try (CognitoSyncManager first = emulators.device(Backend.CUTOVER).identityId(legacy.getIdentityId())
                    .build()) {
                Dataset onAppSync = first.openOrCreateDataset("stock");
                sync(onAppSync);
                assertThat(onAppSync.getAll()).isEqualTo(original);

                Map<String, String> edited = new HashMap<>();
                original.keySet().forEach(key -> edited.put(key, "edited on an old install"));
                old.putAll(edited);
                sync(old);
                // Later, on AppSync: the user removes those keys and fills the dataset to the limit.
                original.keySet().forEach(onAppSync::remove);
                sync(onAppSync);
                onAppSync.putAll(records("n", 1024));
                sync(onAppSync);
                assertThat(onAppSync.getAll()).hasSize(1024);

                try (CognitoSyncManager second = emulators.device(Backend.CUTOVER)
                        .identityId(legacy.getIdentityId()).build()) {
                    Dataset d = second.openOrCreateDataset("stock");
                    RecordingCallback callback = new RecordingCallback();
                    d.synchronize(callback);
                    assertThat(callback.ending()).as("the synchronize of a dataset within the limits, whose import "
                            + "of 99 edits the store keeps its later removals over").isNull();
                    assertThat(d.getAll()).hasSize(1024).doesNotContainKeys("k0", "k98");
                }
            }
        }
    }

    private static Map<String, String> records(String prefix, int n) {
        Map<String, String> records = new HashMap<>();
        for (int i = 0; i < n; i++) {
            records.put(prefix + i, "v" + i);
        }
        return records;
    }
}
