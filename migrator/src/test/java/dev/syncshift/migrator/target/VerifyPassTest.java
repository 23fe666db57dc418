package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.RecordItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.report.Tally;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@code verify} finds: a store behind Cognito Sync (a change after the pass, a dataset never copied) and a
 * record whose value differs at the same count, each named by dataset, with nothing written; a store that matches
 * gives no mismatch. A full pass writes Cognito's record over one the store holds at the same count with other
 * contents, whether or not the dataset's metadata differs with it, and over one held above Cognito's count within the
 * dataset's, which verify names as it names the first. A dataset switched devices wrote on AppSync since
 * the pass differs by revisions, not faults: no mismatch, counted as theirs.
 */
class VerifyPassTest extends CutoverScenario {

    @Test
    void aStoreBehindCognitoAndARecordThatDiffersAreMismatchesAndNothingIsWritten() {
        Device app = cutover.newDevice();
        IdentityId identity = new IdentityId(app.identityId());
        app.cognitoPush(app.identityId(), "matches", Map.of("a", "1"));
        app.cognitoPush(app.identityId(), "behind", Map.of("a", "1", "b", "2"));
        app.cognitoPush(app.identityId(), "tampered", Map.of("k", "cognito's value"));
        app.cognitoPush(app.identityId(), "counted-wrong", Map.of("k", "v"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(identity);
        app.cognitoPut("behind", "c", "written after the pass");
        app.cognitoPush(app.identityId(), "never-copied", Map.of("x", "1", "y", "2", "z", "3"));
        overwriteValue(identity, "tampered", "k", "another value");
        overwriteMetadata(identity, "counted-wrong", Map.of(DatasetItems.NUM_RECORDS, AttributeValue.fromN("7"),
                DatasetItems.LAST_MODIFIED_BY, AttributeValue.fromS("someone")));
        Map<DatasetName, StoredDataset> before = cutover.table().datasets(identity);
        Map<RecordKey, Record> behindBefore = records(identity, "behind");

        IdentityOutcome verified = cutover.verifier().migrate(identity);

        assertThat(verified.datasets()).allSatisfy(d -> assertThat(d.failure()).isNull());
        assertThat(mismatches(verified, "matches")).isEmpty();
        assertThat(mismatches(verified, "behind")).containsExactly(
                "the store is behind Cognito Sync: a pass would write 1 record in 1 transaction");
        assertThat(mismatches(verified, "never-copied")).containsExactly(
                "the store is behind Cognito Sync: a pass would write 3 records in 1 transaction");
        assertThat(mismatches(verified, "tampered")).singleElement().asString()
                .matches("record k at count \\d+ differs from Cognito's");
        assertThat(mismatches(verified, "counted-wrong")).containsExactly("the dataset's metadata differs from "
                + "Cognito Sync's (lastModifiedBy, numRecords): a pass would write it");
        assertThat(cutover.table().datasets(identity)).as("verify writes nothing").isEqualTo(before);
        assertThat(records(identity, "behind")).isEqualTo(behindBefore);
    }

    @Test
    void aDatasetSwitchedDevicesWroteOnAppSyncIsNoMismatchAndIsCountedAsTheirs() {
        Device app = cutover.newDevice();
        IdentityId identity = new IdentityId(app.identityId());
        app.cognitoPush(app.identityId(), "switched", Map.of("a", "1"));
        app.cognitoPush(app.identityId(), "untouched", Map.of("a", "1"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(identity);
        app.appSyncPut("switched", "a", "written on AppSync");

        IdentityOutcome verified = cutover.verifier().migrate(identity);

        assertThat(verified.datasets()).allSatisfy(d -> assertThat(d.mismatches()).isEmpty());
        assertThat(verified.datasets()).filteredOn(DatasetOutcome::writtenOnAppSync)
                .extracting(d -> d.dataset().value()).containsExactly("switched");
        assertThat(Tally.of(verified).datasetsOnAppSync()).isEqualTo(1);
    }

    @Test
    void aFullPassWritesCognitosRecordOverOneThatDiffersAtTheSameCountAndVerifyThenMatches() {
        Device app = cutover.newDevice();
        IdentityId identity = new IdentityId(app.identityId());
        app.cognitoPush(app.identityId(), "longer", Map.of("k", "cognito's value", "other", "same"));
        app.cognitoPush(app.identityId(), "same-size", Map.of("k", "cognito's value", "other", "same"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(identity);
        Map<RecordKey, Record> longer = records(identity, "longer");
        Map<RecordKey, Record> sameSize = records(identity, "same-size");
        overwriteValue(identity, "longer", "k", "a longer value than Cognito's");
        overwriteValue(identity, "same-size", "k", "COGNITO'S VALUE");

        IdentityOutcome second = cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(identity);

        for (String dataset : List.of("longer", "same-size")) {
            DatasetOutcome outcome = dataset(second, dataset);
            assertThat(outcome.mismatches()).as(dataset).isEmpty();
            assertThat(outcome.recordsWritten()).as(dataset).isEqualTo(1);
            assertThat(outcome.recordsCurrent()).as(dataset).isEqualTo(1);
            assertThat(mismatches(cutover.verifier().migrate(identity), dataset)).as(dataset).isEmpty();
        }
        assertThat(records(identity, "longer")).isEqualTo(longer);
        assertThat(records(identity, "same-size")).isEqualTo(sameSize);
    }

    @Test
    void aRecordTheStoreHoldsAboveCognitosCountWithOtherContentsIsAMismatchAndAFullPassWritesCognitosOverIt() {
        Device app = cutover.newDevice();
        IdentityId identity = new IdentityId(app.identityId());
        app.cognitoPush(app.identityId(), "raised", Map.of("k", "cognito's value"));
        app.cognitoPut("raised", "other", "written later");
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(identity);
        Map<RecordKey, Record> copied = records(identity, "raised");
        overwriteValue(identity, "raised", "k", "another value");
        overwriteCount(identity, "raised", "k", copied.get(new RecordKey("other")).syncCount().value());

        List<String> verified = mismatches(cutover.verifier().migrate(identity), "raised");
        DatasetOutcome repaired = dataset(cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(identity),
                "raised");

        assertThat(verified).singleElement().asString().matches("record k at count \\d+ differs from Cognito's");
        assertThat(repaired.recordsWritten()).isEqualTo(1);
        assertThat(records(identity, "raised")).isEqualTo(copied);
        assertThat(mismatches(cutover.verifier().migrate(identity), "raised")).isEmpty();
    }

    private static DatasetOutcome dataset(IdentityOutcome outcome, String dataset) {
        return outcome.datasets().stream().filter(d -> d.dataset().value().equals(dataset)).findFirst()
                .orElseThrow(() -> new AssertionError("the pass did not look at " + dataset));
    }

    private static List<String> mismatches(IdentityOutcome outcome, String dataset) {
        return dataset(outcome, dataset).mismatches();
    }

    private static Map<RecordKey, Record> records(IdentityId identity, String dataset) {
        StoredDataset meta = cutover.table().datasets(identity).get(new DatasetName(dataset));
        return cutover.table().records(SyncStoreLayout.recordPartition(identity, new DatasetName(dataset),
                meta.generation()));
    }

    /** Changes attributes of a dataset's metadata item in the store behind the migrator's back. */
    private static void overwriteMetadata(IdentityId identity, String dataset, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(cutover.dynamoDbClient().getItem(r -> r
                .tableName(cutover.tableName()).consistentRead(true).key(Map.of(SyncStoreLayout.PARTITION_KEY,
                        AttributeValue.fromS(SyncStoreLayout.identityPartition(identity)), SyncStoreLayout.SORT_KEY,
                        AttributeValue.fromS(SyncStoreLayout.datasetSortKey(new DatasetName(dataset)))))).item());
        item.putAll(values);
        cutover.dynamoDbClient().putItem(r -> r.tableName(cutover.tableName()).item(item));
    }

    /** Changes a record's value in the store behind the migrator's back, keeping its count. */
    private static void overwriteValue(IdentityId identity, String dataset, String key, String value) {
        overwrite(identity, dataset, key, RecordItems.VALUE, AttributeValue.fromS(value));
    }

    /** Changes a record's count in the store behind the migrator's back, keeping its value. */
    private static void overwriteCount(IdentityId identity, String dataset, String key, long count) {
        overwrite(identity, dataset, key, SyncStoreLayout.SYNC_COUNT, AttributeValue.fromN(Long.toString(count)));
    }

    private static void overwrite(IdentityId identity, String dataset, String key, String attribute,
            AttributeValue value) {
        StoredDataset meta = cutover.table().datasets(identity).get(new DatasetName(dataset));
        cutover.dynamoDbClient().updateItem(r -> r.tableName(cutover.tableName())
                .key(Map.of(SyncStoreLayout.PARTITION_KEY, AttributeValue.fromS(SyncStoreLayout.recordPartition(
                                identity, new DatasetName(dataset), meta.generation())),
                        SyncStoreLayout.SORT_KEY, AttributeValue.fromS(SyncStoreLayout.recordSortKey(
                                new RecordKey(key)))))
                .updateExpression("SET #a = :a").expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":a", value)));
    }
}
