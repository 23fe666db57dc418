package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.ImportInputs.changes;
import static dev.syncshift.graphql.e2e.ImportInputs.recordAt;
import static dev.syncshift.graphql.e2e.Patch.put;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.core.layout.WriteBackMark;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    static final DatasetName DATASET = new DatasetName("ds");
    // After CutoverImportTest.COPY (watermark 5) and one push (count 6): Cognito's count the write-back's UpdateRecords
    // was based on, so its records land at 6, and the store's count it read.
    static final long FROM = 5;
    static final long OVER = 6;
    static final WriteBackMark MARK = new WriteBackMark(new SyncCount(FROM), new SyncCount(OVER));

    @Test
    void theWriteBacksRecordsDoNotUndoAPushMadeAfterItReadTheStore(AppSyncEmulator emulator) {
        Marked ds = markedThenPushed(emulator);

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
        Marked ds = markedThenPushed(emulator);

        // the write-back's copy, landed beside another Cognito write: two counts above the one it was based on
        ds.succeeds(ds.api().importDataset(ds.me(), changes(DATASET.value(), FROM, FROM + 2, true, List.of(
                recordAt("a", "written back a", FROM + 2, CutoverImportTest.LATER)))));

        assertThat(ds.values()).containsEntry("a", "appsync a");
        assertThat(ds.stored().writeBack()).isEqualTo(MARK);
    }

    @Test
    void aChangeTheIdentityMadeInCognitoIsNeverTakenForTheWriteBacks(AppSyncEmulator emulator) {
        Marked ds = markedThenPushed(emulator);
        Map<String, Object> own = recordAt("a", "a device's later a", FROM + 1, CutoverImportTest.LATER);
        own.put("lastModifiedBy", ds.identity().value());

        ds.succeeds(ds.api().importDataset(ds.me(), changes(DATASET.value(), FROM, FROM + 1, true, List.of(own))));

        assertThat(ds.values()).containsEntry("a", "a device's later a");
        assertThat(ds.stored().writeBack()).isEqualTo(MARK);
    }

    /**
     * A fresh identity's {@code ds} after a copy-mode import (a at 3, b at 5, watermark 5) and a push (count 6,
     * renumbered), marked at (watermark, count), then a push of a (count 7, above the mark's store count).
     */
    private static Marked markedThenPushed(AppSyncEmulator emulator) {
        Marked ds = new Marked(emulator, new SyncOperations(new SignedGraphQlClient(emulator.endpoint())),
                SyncshiftApi.freshUser());
        ds.succeeds(CutoverImportTest.COPY.run(ds.api(), ds.me()));
        ds.succeeds(ds.api().updateRecords(ds.me(), DATASET.value(), put("c", "c", 0)));
        StoredDataset read = ds.stored();
        assertThat(new WriteBackMark(requireNonNull(read.sourceWatermark()), read.metadata().syncCount()))
                .isEqualTo(MARK);
        ds.mark();
        ds.succeeds(ds.api().updateRecords(ds.me(), DATASET.value(), put("a", "appsync a", 3)));
        return ds;
    }

    /** One identity's dataset, through the API and straight in the emulator's table. */
    private record Marked(AppSyncEmulator emulator, SyncOperations api, Caller me) {

        void succeeds(Answer answer) {
            assertThat(answer.ok()).as(answer.body().toString()).isTrue();
        }

        IdentityId identity() {
            return new IdentityId(requireNonNull(me.identityId()));
        }

        /** The metadata item as the migrator reads it. */
        StoredDataset stored() {
            return DatasetItems.fromItem(identity(), new LayoutTable(emulator.dynamoDb()).query(
                    SyncStoreLayout.identityPartition(identity()), SyncStoreLayout.datasetSortKey(DATASET)).get(0));
        }

        /** Sets {@link #MARK} on the metadata item, as a write-back does just before its UpdateRecords. */
        void mark() {
            emulator.dynamoDb().updateItem(r -> r.tableName(new LayoutTable(emulator.dynamoDb()).name())
                    .key(Map.of(SyncStoreLayout.PARTITION_KEY,
                            AttributeValue.fromS(SyncStoreLayout.identityPartition(identity())),
                            SyncStoreLayout.SORT_KEY, AttributeValue.fromS(SyncStoreLayout.datasetSortKey(DATASET))))
                    .updateExpression("SET #from = :from, #over = :over")
                    .expressionAttributeNames(Map.of("#from", DatasetItems.WRITE_BACK_FROM,
                            "#over", DatasetItems.WRITE_BACK_OVER))
                    .expressionAttributeValues(Map.of(":from", AttributeValue.fromN(Long.toString(FROM)),
                            ":over", AttributeValue.fromN(Long.toString(OVER)))));
        }

        /** Key to value of the dataset's live records, as a device pulls them. */
        Map<String, String> values() {
            Answer page = api.listRecords(me, DATASET.value(), 0);
            succeeds(page);
            Map<String, String> values = new HashMap<>();
            page.data("listRecords").path("records")
                    .forEach(r -> values.put(r.path("key").asText(), r.path("value").asText()));
            return values;
        }
    }
}
