package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.id;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static dev.syncshift.migrator.target.CopyInPartsTest.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.RecordItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code imported} mark on record heads must never make a change a device made on AppSync look like Cognito's:
 * a dataset a device pushed to stays written on AppSync, whatever marks imports left beside the push.
 */
class ImportedMarkReviewTest extends CutoverScenario {

    /**
     * A store an earlier version wrote (no {@code importedAt}, no marks) whose revision pass renumbered the dataset
     * below Cognito's count, so that a device's later push stands at or below the watermark. The new version's pass
     * is stopped between its transactions (its records marked), then the user deletes the dataset on Cognito Sync.
     * The device's push is a change made on AppSync: later-wins keeps AppSync's side against the bare deletion.
     */
    @Test
    void aPushAtOrBelowTheWatermarkOfAStoreWithoutImportedAtIsKeptAgainstACognitoDeletionAfterAStoppedPass() {
        Device phone = oldStoreWithAPushBelowTheWatermark();
        StoredDataset old = stored(phone);
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, false);
        phone.cognitoDelete(DATASET);

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));

        StoredDataset after = stored(phone);
        assertThat(after.deleted()).as("whether AppSync's dataset is deleted, a device having pushed 'mine' to it at "
                + "count %s (watermark %s, importedAt %s; outcome %s)", old.metadata().syncCount(),
                old.sourceWatermark(), old.importedAt(), pass.datasets()).isFalse();
        assertThat(liveValues(phone)).containsEntry("mine", "device");
        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).hasSize(1);
    }

    /**
     * As {@link #aPushAtOrBelowTheWatermarkOfAStoreWithoutImportedAtIsKeptAgainstACognitoDeletionAfterAStoppedPass},
     * the marks left by a switched device's own cutover import ({@code importDataset}) that stopped after its first
     * part: the device's earlier push is still a change made on AppSync, kept by later-wins against the deletion.
     */
    @Test
    void aPushAtOrBelowTheWatermarkOfAStoreWithoutImportedAtIsKeptAgainstACognitoDeletionAfterADevicesImportPart() {
        Device phone = oldStoreWithAPushBelowTheWatermark();
        long watermark = stored(phone).sourceWatermark().value();
        phone.cognitoPush(phone.identityId(), DATASET, many(3));
        List<Record> changes = phone.cognitoRecords(DATASET).values()
                .stream().filter(r -> r.syncCount() > watermark).toList();
        phone.appSyncImport(DATASET, watermark, changes, watermark + 1, false);
        assertThat(cutover.table().stored(partition(phone)).imported()).as("the keys the device's part marked")
                .hasSize(3);
        phone.cognitoDelete(DATASET);

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));

        assertThat(stored(phone).deleted()).as("whether AppSync's dataset is deleted, a device having pushed 'mine' "
                + "to it (outcome %s)", pass.datasets()).isFalse();
        assertThat(liveValues(phone)).containsEntry("mine", "device");
    }

    /**
     * A first copy of 300 records stopped after its second transaction, pushed to, then deleted and re-created on
     * Cognito Sync; a pass of the version before this one (its removals unmarked, written by syncshift-migrator, as
     * that version wrote them) removing the copy's records is stopped after its first transaction, k0 among them.
     * After the upgrade the user writes k0 on Cognito Sync again: the removal was the migrator's, not a change made on
     * AppSync, so even keep-appsync applies it, as the version before did.
     */
    @Test
    void aKeyTheUserWritesAgainOnCognitoAfterAnEarlierVersionsStoppedPassRemovedItIsNoConflictUnderKeepAppSync() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, many(300));
        UnfinishedFirstCopyPassTest.stopAfterTransactions(phone, true, 2);
        phone.appSyncPut(DATASET, "mine", "device");
        phone.cognitoDelete(DATASET);
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("fresh", "new"));
        stopAfterFirstTransaction(phone, false);
        withoutMarks(phone);
        dev.syncshift.core.Record removed = cutover.table().records(partition(phone)).get(new RecordKey("k0"));
        assertThat(removed.isTombstone()).as("k0 removed by the stopped pass").isTrue();
        assertThat(removed.lastModifiedBy()).isEqualTo("syncshift-migrator");
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("k0", "back"));

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));

        assertThat(liveValues(phone)).as("AppSync's records after the user wrote k0 on Cognito Sync again, after a "
                + "stopped pass of the version before removed it there (outcome %s)", pass.datasets())
                .containsEntry("k0", "back");
    }

    /**
     * Two switched devices of one identity import the same Cognito changes from one watermark: the first read
     * Cognito after the user edited {@code k} twice there and stopped after its first part (k's later value, marked);
     * the second read it before the second edit and sends its import whole. The second's older version of k is no
     * newer Cognito change: AppSync keeps the later one, as a copy-mode import keeps another device's copy of a later
     * read, rather than rolling k back for every device that pulls it.
     */
    @Test
    void aDevicesImportOfAnOlderCognitoReadDoesNotRollBackAnotherDevicesImportPart() {
        Device phone = cutover.newDevice();
        phone.cognitoPut(DATASET, "first", "1");
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id(phone));
        phone.appSyncPut(DATASET, "a", "device");
        long watermark = stored(phone).sourceWatermark().value();
        phone.cognitoPut(DATASET, "k", "older");
        List<Record> olderRead = changesAfter(phone, watermark);
        long olderCount = olderRead.get(olderRead.size() - 1).syncCount();
        phone.cognitoPut(DATASET, "k", "later");
        phone.cognitoPut(DATASET, "other", "o");
        List<Record> laterRead = changesAfter(phone, watermark);
        long laterCount = laterRead.get(laterRead.size() - 1).syncCount();
        phone.appSyncImport(DATASET, watermark, laterRead.subList(0, 1), laterCount, false);
        assertThat(liveValues(phone)).containsEntry("k", "later");
        Device tablet = cutover.device(phone.identityId());

        tablet.appSyncImport(DATASET, watermark, olderRead, olderCount, true);

        assertThat(liveValues(phone)).as("AppSync's k after a device imported Cognito's later version of it (one part "
                + "of two) and another then its older one, read before the later was written").containsEntry("k",
                "later");
    }

    private static List<Record> changesAfter(Device phone, long watermark) {
        return phone.cognitoRecords(DATASET).values().stream().filter(r -> r.syncCount() > watermark)
                .sorted(java.util.Comparator.comparingLong(Record::syncCount)).toList();
    }

    /**
     * A dataset copied, pushed to, revised by a pass that applied ten Cognito changes in one revision, then pushed to
     * again ({@code mine}, at a count below the watermark), in a store as an earlier version left it.
     */
    private static Device oldStoreWithAPushBelowTheWatermark() {
        Device phone = cutover.newDevice();
        phone.cognitoPut(DATASET, "first", "1");
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id(phone));
        phone.appSyncPut(DATASET, "a", "device");
        for (int i = 0; i < 10; i++) {
            phone.cognitoPut(DATASET, "c" + i, "cognito");
        }
        cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));
        long pushedAt = phone.appSyncPut(DATASET, "mine", "device");
        asWrittenByAnEarlierVersion(phone);
        assertThat(pushedAt).as("the push's count, at or below the watermark")
                .isLessThanOrEqualTo(stored(phone).sourceWatermark().value());
        return phone;
    }

    private static String partition(Device phone) {
        return SyncStoreLayout.recordPartition(id(phone), new DatasetName(DATASET), stored(phone).generation());
    }

    /**
     * The store as an earlier version left it: no {@code importedAt} on the metadata item and no record head marked
     * {@link RecordItems#IMPORTED}.
     */
    private static void asWrittenByAnEarlierVersion(Device phone) {
        withoutMarks(phone);
        StoredDataset meta = stored(phone);
        assertThat(cutover.table().write(List.of(new PutAction(DatasetItems.toItem(meta.importedAt(null)),
                ImportTransactions.unchanged(meta))))).isEmpty();
        assertThat(stored(phone).importedAt()).isNull();
    }

    /** The live generation's heads as an earlier version wrote them, none marked {@link RecordItems#IMPORTED}. */
    private static void withoutMarks(Device phone) {
        String partition = partition(phone);
        for (RecordKey key : cutover.table().records(partition).keySet()) {
            cutover.dynamoDbClient().updateItem(r -> r.tableName(cutover.tableName())
                    .key(Map.of(SyncStoreLayout.PARTITION_KEY, AttributeValue.fromS(partition),
                            SyncStoreLayout.SORT_KEY, AttributeValue.fromS(SyncStoreLayout.recordSortKey(key))))
                    .updateExpression("REMOVE #m").expressionAttributeNames(Map.of("#m", RecordItems.IMPORTED)));
        }
        assertThat(cutover.table().stored(partition).imported()).isEmpty();
    }
}
