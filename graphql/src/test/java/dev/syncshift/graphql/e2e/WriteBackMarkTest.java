package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.ImportInputs.changes;
import static dev.syncshift.graphql.e2e.ImportInputs.recordAt;
import static dev.syncshift.graphql.e2e.MarkedDataset.DATASET;
import static dev.syncshift.graphql.e2e.MarkedDataset.FROM;
import static dev.syncshift.graphql.e2e.MarkedDataset.MARK;
import static dev.syncshift.graphql.e2e.Patch.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.WriteBackMark;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * importDataset while a migrator's write-back mark stands (SyncStoreLayout, {@link WriteBackMark}): between the
 * write-back's UpdateRecords into Cognito Sync and the watermark's move past it, Cognito holds the write-back's records
 * above writeBackFrom, written by the developer account and dated at that write. A device's import must not take them
 * over a value pushed on AppSync after the write-back read the store (a count above writeBackOver), must take what
 * the identity itself wrote in Cognito as before, and no write of the API drops the mark. The mark is set on the
 * metadata item directly, as the migrator sets it, and read back through the core layout; {@code ImportInputs}'
 * records are written by {@code cognito-device}, not the identity, as the write-back's are.
 */
class WriteBackMarkTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    @Test
    void theWriteBacksRecordsDoNotUndoAPushMadeAfterItReadTheStore(AppSyncEmulator emulator) {
        MarkedDataset ds = markedThenPushed(emulator);

        ds.succeeds(ds.api().importDataset(ds.me(), changes(DATASET.value(), FROM, FROM + 1, true, List.of(
                recordAt("a", "written back a", FROM + 1, CutoverImportTest.LATER),
                recordAt("b", "cognito b", FROM + 1, CutoverImportTest.LATER)))));

        assertThat(ds.values()).containsEntry("a", "appsync a").containsEntry("b", "cognito b");
        assertThat(ds.stored().sourceWatermark()).isEqualTo(new SyncCount(FROM + 1));
        assertThat(ds.stored().writeBack()).isEqualTo(MARK);
        ds.succeeds(ds.api().updateRecords(ds.me(), DATASET.value(), put("d", "d", 0)));
        assertThat(ds.stored().writeBack()).isEqualTo(MARK);
    }

    @Test
    void aWriteOtherThanTheIdentitysAnywhereAboveTheMarkedCountIsTakenForTheWriteBacks(AppSyncEmulator emulator) {
        MarkedDataset ds = markedThenPushed(emulator);

        // the write-back's copy, landed beside another Cognito write: two counts above the one it was based on
        ds.succeeds(ds.api().importDataset(ds.me(), changes(DATASET.value(), FROM, FROM + 2, true, List.of(
                recordAt("a", "written back a", FROM + 2, CutoverImportTest.LATER)))));

        assertThat(ds.values()).containsEntry("a", "appsync a");
        assertThat(ds.stored().writeBack()).isEqualTo(MARK);
    }

    @Test
    void aChangeTheIdentityMadeInCognitoIsNeverTakenForTheWriteBacks(AppSyncEmulator emulator) {
        MarkedDataset ds = markedThenPushed(emulator);
        Map<String, Object> own = recordAt("a", "a device's later a", FROM + 1, CutoverImportTest.LATER);
        own.put("lastModifiedBy", ds.identity().value());

        ds.succeeds(ds.api().importDataset(ds.me(), changes(DATASET.value(), FROM, FROM + 1, true, List.of(own))));

        assertThat(ds.values()).containsEntry("a", "a device's later a");
        assertThat(ds.stored().writeBack()).isEqualTo(MARK);
    }

    /** {@link MarkedDataset#copiedThenPushed}, marked, then a push of a (count 7, above the mark's store count). */
    private static MarkedDataset markedThenPushed(AppSyncEmulator emulator) {
        MarkedDataset ds = MarkedDataset.copiedThenPushed(emulator.dynamoDb(),
                new SyncOperations(new SignedGraphQlClient(emulator.endpoint())));
        ds.mark();
        ds.succeeds(ds.api().updateRecords(ds.me(), DATASET.value(), put("a", "appsync a", 3)));
        return ds;
    }
}
