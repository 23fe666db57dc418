package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.id;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cognito's changes that an import stopped part-way left in the store above the count the last finished import left
 * ({@code importedAt}, or the watermark): a later pass must take them for Cognito's, not for changes a device made on
 * AppSync, whichever import stored them (the migrator's revisions, its copy in parts, a switched device's own cutover
 * import), and the pass's report must say so.
 */
class StoppedImportLeftoversTest extends CutoverScenario {

    /**
     * A pass follows one stopped between its revision transactions; nobody wrote the dataset on AppSync since the
     * pass before. Its outcome must not count the dataset among those switched devices changed on AppSync (the
     * report's {@code datasetsOnAppSync}): the planner itself takes the stopped pass's records for Cognito's.
     */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aPassAfterOneStoppedBetweenItsTransactionsDoesNotReportTheDatasetChangedOnAppSync(ConflictPolicy policy) {
        Device phone = SettledDeletionRecreatedTest.settledForAppSync(DATASET);
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, false);

        IdentityOutcome next = cutover.migrator(false, policy).migrate(id(phone));

        assertThat(next.datasets()).as("the outcome of the pass completing the stopped one; nobody wrote on AppSync "
                + "since the pass before").singleElement()
                .satisfies(d -> assertThat(d.conflicts()).isEmpty())
                .satisfies(d -> assertThat(d.writtenOnAppSync()).as("writtenOnAppSync (counted in datasetsOnAppSync)")
                        .isFalse());
    }

    /**
     * A merged copy (known by content) that nobody wrote on AppSync: a pass applying 150 changes the user made to it
     * on Cognito Sync is stopped after its first transaction, then the user deletes the copy on Cognito Sync. Nobody
     * wrote it on AppSync, so the next pass deletes it there too, with no dataset-level conflict.
     */
    @Test
    void aDeletionOnCognitoOfAMergedCopyAfterAPassStoppedBetweenItsTransactionsIsNoConflict() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("leftover-into", "leftover-from");
        String survivor = merged.survivor().value();
        merged.device().cognitoPush(survivor, merged.copy().value(), many(150));
        UnfinishedFirstCopyPassTest.stopAfterTransactions(merged.survivor(), false, 1);
        cutover.syncClient().deleteDataset(r -> r.identityPoolId(cutover.pool().value()).identityId(survivor)
                .datasetName(merged.copy().value()));

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        StoredDataset after = cutover.table().datasets(merged.survivor()).get(merged.copy());
        assertThat(after.deleted()).as("whether AppSync's merged copy is deleted as the user deleted it on Cognito "
                + "Sync (outcome %s)", next.datasets()).isTrue();
        assertThat(next.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
    }

    /**
     * A delta pass copying 150 of Cognito's records in parts (the dataset untouched on AppSync) is stopped after its
     * first transaction; a device then pushes another key, and the user edits on Cognito Sync a record the stopped
     * copy stored. Nobody changed that record on AppSync: the next pass applies the edit, even keeping AppSync's side
     * of conflicts, and lists no conflict.
     */
    @Test
    void anEditOnCognitoOfARecordACopyInPartsStoredIsNoConflictUnderKeepAppSyncAfterAPush() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("first", "1"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id(phone));
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, false);
        String edited = appliedKey(phone);
        phone.appSyncPut(DATASET, "later", "device");
        phone.cognitoPut(DATASET, edited, "edited");

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));

        assertThat(liveValues(phone)).as("AppSync's records after a pass following a copy in parts stopped and a push "
                + "of another key, %s edited on Cognito since (outcome %s)", edited, next.datasets())
                .containsEntry(edited, "edited").containsEntry("later", "device");
        assertThat(next.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
    }


    /** A key of Cognito's 150 that the stopped pass stored. */
    private static String appliedKey(Device phone) {
        return liveValues(phone).keySet().stream().filter(k -> k.startsWith("k")).sorted().findFirst().orElseThrow();
    }
}
