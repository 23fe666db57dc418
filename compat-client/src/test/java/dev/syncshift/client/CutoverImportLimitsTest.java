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

    private static Map<String, String> records(String prefix, int n) {
        Map<String, String> records = new HashMap<>();
        for (int i = 0; i < n; i++) {
            records.put(prefix + i, "v" + i);
        }
        return records;
    }
}
