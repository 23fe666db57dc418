package dev.syncshift.graphql.e2e;

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
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One identity's dataset {@code ds} as a migrator's write-back finds it, through the API and straight in the table
 * ({@code table}, the emulator's DynamoDB): copied from Cognito Sync, then pushed once on AppSync, so that the mark a
 * write-back puts on it is {@link #MARK}.
 */
record MarkedDataset(DynamoDbClient table, SyncOperations api, Caller me) {

    static final DatasetName DATASET = new DatasetName("ds");
    /** Cognito's count the write-back's UpdateRecords is based on (the watermark), so its records land above it. */
    static final long FROM = 5;
    /** The store's count the write-back read. */
    static final long OVER = 6;
    static final WriteBackMark MARK = new WriteBackMark(new SyncCount(FROM), new SyncCount(OVER));

    /**
     * A fresh identity's {@code ds} after a copy-mode import ({@link CutoverImportTest#COPY}: a at 3, b at 5, watermark
     * 5) and a push (count 6, renumbered): the watermark and count the mark names.
     */
    static MarkedDataset copiedThenPushed(DynamoDbClient table, SyncOperations api) {
        MarkedDataset ds = new MarkedDataset(table, api, SyncshiftApi.freshUser());
        ds.succeeds(CutoverImportTest.COPY.run(api, ds.me()));
        ds.succeeds(api.updateRecords(ds.me(), DATASET.value(), put("c", "c", 0)));
        StoredDataset read = ds.stored();
        assertThat(new WriteBackMark(requireNonNull(read.sourceWatermark()), read.metadata().syncCount()))
                .isEqualTo(MARK);
        return ds;
    }

    void succeeds(Answer answer) {
        assertThat(answer.ok()).as(answer.body().toString()).isTrue();
    }

    IdentityId identity() {
        return new IdentityId(requireNonNull(me.identityId()));
    }

    /** The metadata item as the migrator reads it. */
    StoredDataset stored() {
        return DatasetItems.fromItem(identity(), new LayoutTable(table).query(
                SyncStoreLayout.identityPartition(identity()), SyncStoreLayout.datasetSortKey(DATASET)).get(0));
    }

    /**
     * Puts {@link #MARK} on the metadata item, as a write-back does just before its UpdateRecords: conditioned on the
     * count it read.
     */
    void mark() {
        table.updateItem(r -> r.tableName(new LayoutTable(table).name())
                .key(Map.of(SyncStoreLayout.PARTITION_KEY,
                        AttributeValue.fromS(SyncStoreLayout.identityPartition(identity())),
                        SyncStoreLayout.SORT_KEY, AttributeValue.fromS(SyncStoreLayout.datasetSortKey(DATASET))))
                .conditionExpression("#sc = :sc")
                .updateExpression("SET #from = :from, #over = :over")
                .expressionAttributeNames(Map.of("#sc", SyncStoreLayout.SYNC_COUNT,
                        "#from", DatasetItems.WRITE_BACK_FROM, "#over", DatasetItems.WRITE_BACK_OVER))
                .expressionAttributeValues(Map.of(":sc", AttributeValue.fromN(Long.toString(OVER)),
                        ":from", AttributeValue.fromN(Long.toString(FROM)),
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
