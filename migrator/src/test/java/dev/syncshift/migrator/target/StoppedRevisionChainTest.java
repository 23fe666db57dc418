package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.id;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static dev.syncshift.migrator.target.CopyInPartsTest.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cognitosync.model.Record;

/**
 * A pass applying Cognito's changes as AppSync revisions in more than one transaction (150 records: two), stopped
 * after its first as a killed process would be. The records that transaction applied are Cognito's, stored by the
 * migrator, not changes a device made on AppSync: the next pass weighs them so, before the stopped one completed as
 * after, whether or not a device pushed in between.
 */
class StoppedRevisionChainTest extends CutoverScenario {

    /**
     * The user then deletes the dataset on Cognito Sync again. Nobody wrote on AppSync since the pass that settled
     * the first deletion, so the next pass, whatever its policy, applies the deletion: no dataset-level conflict, and
     * no part of the deleted re-creation left on AppSync.
     */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aDeletionOnCognitoAfterAPassStoppedBetweenItsTransactionsIsNoConflict(ConflictPolicy policy) {
        Device phone = stoppedApplyingReCreation();
        assertDeletionApplied(phone, policy);
    }

    /**
     * The user then edits on Cognito Sync a record the stopped pass applied. Nobody wrote it on AppSync (the stopped
     * pass stored Cognito's own version), so the next pass, even keeping AppSync's side of conflicts, applies the edit.
     */
    @Test
    void anEditOnCognitoOfARecordAStoppedPassAppliedIsNoConflictUnderKeepAppSync() {
        Device phone = stoppedApplyingReCreation();
        assertEditApplied(phone);
    }

    /**
     * As {@link #anEditOnCognitoOfARecordAStoppedPassAppliedIsNoConflictUnderKeepAppSync}, with a device's push of
     * another key after the stopped pass: that push is a change made on AppSync, the stopped pass's records still are
     * not.
     */
    @Test
    void anEditOnCognitoOfARecordAStoppedPassAppliedIsNoConflictAfterAPushOfAnotherKey() {
        Device phone = stoppedApplyingReCreation();
        String edited = appliedKey(phone);
        phone.appSyncPut(DATASET, "later", "device");
        phone.cognitoPut(DATASET, edited, "edited");

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));

        Map<String, String> live = liveValues(phone);
        assertThat(live).as("AppSync's records after the pass following one stopped between its transactions and a "
                + "push, %s edited on Cognito since (outcome %s)", edited, next.datasets())
                .containsEntry(edited, "edited").containsEntry("later", "device").containsEntry("mine", "device");
        assertThat(live.keySet().stream().filter(k -> k.startsWith("k"))).as("the re-creation's keys").hasSize(150);
        assertThat(next.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
        assertThat(next.datasets()).extracting(DatasetOutcome::writtenOnAppSync).containsExactly(true);
    }

    /**
     * Over a first copy left unfinished and pushed to, a delta pass completing the copy applies Cognito's records as
     * revisions above the copy's mark, and is stopped after its first transaction. The user then deletes the dataset
     * on Cognito Sync: the records the stopped pass applied are Cognito's, as the copy's are, so only the push stays.
     */
    @Test
    void aDeletionOnCognitoAfterAPassCompletingAPushedUnfinishedFirstCopyStoppedLeavesOnlyThePush() {
        Device phone = stoppedCompletingPushedCopy();
        StoredDataset between = stored(phone);
        assertThat(between.firstCopyMark()).as("the first copy's mark, kept by the stopped pass")
                .isEqualTo(new SyncCount(1));
        phone.cognitoDelete(DATASET);

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));

        Map<String, String> live = liveValues(phone);
        assertThat(live).as("AppSync's records after a delta pass over a dataset the user deleted on Cognito Sync, "
                + "whose only change made on AppSync is the push of mine: the %d others are Cognito's (item before: "
                + "count %s, watermark %s, importedAt %s; outcome %s)", live.size() - 1,
                between.metadata().syncCount(), between.sourceWatermark(), between.importedAt(), pass.datasets())
                .containsExactly(Map.entry("mine", "device"));
    }

    /** As the test before, with a write-back: it does not write the deleted dataset back into Cognito Sync. */
    @Test
    void aWriteBackAfterAPassCompletingAPushedUnfinishedFirstCopyStoppedDoesNotBringBackTheDeletedDataset() {
        Device phone = stoppedCompletingPushedCopy();
        phone.cognitoDelete(DATASET);

        IdentityOutcome back = cutover.writeBack().migrate(id(phone));

        assertThat(phone.cognitoRecords(DATASET).values().stream().filter(r -> r.value() != null)
                .map(r -> r.key()).sorted()).as("records written back into Cognito Sync as live after the user "
                + "deleted the dataset there; only mine was pushed on AppSync (outcome %s)", back.datasets())
                .containsExactly("mine");
    }

    /**
     * A switched device's own cutover import ({@code importDataset}) in revision mode, sent in parts, stops after its
     * first (99 of Cognito's 150 new records applied as one AppSync revision, the watermark unmoved). The user then
     * deletes the dataset on Cognito Sync. Nobody wrote on AppSync since the last pass, so the next pass, whatever its
     * policy, applies the deletion, as it would had the device's import completed.
     */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aDeletionOnCognitoAfterADevicesImportStoppedBetweenItsPartsIsNoConflict(ConflictPolicy policy) {
        Device phone = stoppedDevicesImport();
        assertDeletionApplied(phone, policy);
    }

    /** As the test before, with a Cognito edit of a record the device's stopped import applied, under keep-appsync. */
    @Test
    void anEditOnCognitoOfARecordADevicesStoppedImportAppliedIsNoConflictUnderKeepAppSync() {
        Device phone = stoppedDevicesImport();
        assertEditApplied(phone);
    }

    /**
     * A dataset a pass imported as revisions after a device pushed to it, untouched on AppSync since; then 150
     * records written on Cognito Sync, and a switched device's cutover import of them stopped after its first part.
     */
    private static Device stoppedDevicesImport() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("a", "1"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id(phone));
        phone.appSyncPut(DATASET, "mine", "device");
        phone.cognitoPut(DATASET, "b", "2");
        cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));
        long watermark = stored(phone).sourceWatermark().value();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        List<Record> changed = phone.cognitoRecords(DATASET).values().stream()
                .filter(r -> r.syncCount() > watermark).sorted(Comparator.comparing(Record::syncCount)
                        .thenComparing(Record::key)).toList();
        long cognitoCount = changed.get(changed.size() - 1).syncCount();
        phone.appSyncImport(DATASET, watermark, changed.subList(0, 99), cognitoCount, false);
        assertThat(stored(phone).sourceWatermark().value()).as("the watermark after the device's first part")
                .isEqualTo(watermark);
        return phone;
    }

    /**
     * A dataset whose deletion in Cognito a pass settled by keeping AppSync's data, which the user then starts again
     * on Cognito Sync with 150 records: a pass applying them is stopped after its first transaction.
     */
    private static Device stoppedApplyingReCreation() {
        Device phone = SettledDeletionRecreatedTest.settledForAppSync(DATASET);
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, false);
        return phone;
    }

    /**
     * A first copy left unfinished and pushed to ({@link UnfinishedFirstCopyPassTest#pushedUnfinishedCopy}), then 150
     * more records written on Cognito Sync: a delta pass completing the copy is stopped after its first transaction
     * (99 of Cognito's records applied as revisions above the copy's mark, the watermark still 0).
     */
    private static Device stoppedCompletingPushedCopy() {
        Device phone = UnfinishedFirstCopyPassTest.pushedUnfinishedCopy();
        phone.cognitoPush(phone.identityId(), DATASET, IntStream.range(0, 150).boxed()
                .collect(Collectors.toMap(i -> "m" + i, i -> "w" + i)));
        stopAfterFirstTransaction(phone, false);
        return phone;
    }

    /**
     * The user deletes the dataset on Cognito Sync; the next pass under {@code policy} applies the deletion, with no
     * dataset-level conflict.
     */
    private static void assertDeletionApplied(Device phone, ConflictPolicy policy) {
        phone.cognitoDelete(DATASET);

        IdentityOutcome next = cutover.migrator(false, policy).migrate(id(phone));

        assertThat(phone.page(DATASET, 0).exists()).as("whether AppSync still has the dataset the user deleted on "
                + "Cognito Sync (holding %d records; outcome %s)", liveValues(phone).size(), next.datasets())
                .isFalse();
        assertThat(next.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
        assertThat(next.datasets()).as("whether the report counts the dataset as changed on AppSync by switched "
                + "devices").extracting(DatasetOutcome::writtenOnAppSync).containsExactly(false);
    }

    /**
     * The user edits on Cognito Sync a record the stopped import applied; the next pass, even keeping AppSync's side
     * of conflicts, applies the edit, with no conflict.
     */
    private static void assertEditApplied(Device phone) {
        String edited = appliedKey(phone);
        phone.cognitoPut(DATASET, edited, "edited");

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));

        assertThat(liveValues(phone)).as("AppSync's records after the pass following an import stopped between its "
                + "transactions, %s edited on Cognito since (outcome %s)", edited, next.datasets())
                .containsEntry(edited, "edited");
        assertThat(next.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
    }

    /** A key of the re-creation that the stopped pass applied. */
    private static String appliedKey(Device phone) {
        return liveValues(phone).keySet().stream().filter(k -> k.startsWith("k")).sorted().findFirst().orElseThrow();
    }
}
