package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.id;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static dev.syncshift.migrator.target.RecreatedOnAppSyncTest.migrated;
import static dev.syncshift.migrator.target.RecreatedOnAppSyncTest.recreateOnAppSync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitosync.model.Record;

/**
 * Around the rule that a dataset deleted and started again on AppSync since the last pass, changed in Cognito Sync
 * since, is a dataset-level conflict ({@link RecreatedOnAppSyncTest}): datasets whose generation stands above
 * {@code importedAt} for another reason, Cognito changes that are no change made in Cognito Sync, and Cognito's
 * dataset replacing AppSync's in a pass stopped or raced between its transactions.
 */
class RecreatedReviewTest extends CutoverScenario {

    /**
     * A device deletes the migrated dataset on AppSync and starts it again with {@code fresh}; a write-back then
     * gives Cognito Sync the new incarnation, a device pushes {@code pushed} on AppSync between the write-back's read
     * and its UpdateRecords, and the UpdateRecords' answer is lost (the watermark stays). Cognito's changes since the
     * watermark are the write-back's own copy of the re-created dataset, made after the re-creation: no change made in
     * Cognito Sync. The doc says a pass never applies that copy over a push made since the write-back's read, nor
     * brings back what a deletion removed, whatever the policy: the next pass keeps both AppSync records.
     */
    @ParameterizedTest
    @EnumSource(value = ConflictPolicy.class, names = {"KEEP_COGNITO", "LATER_WINS"})
    void aWriteBacksOwnCopyOfAReCreatedDatasetDoesNotReplaceAPushMadeDuringIt(ConflictPolicy policy) {
        Device phone = migrated();
        phone.appSyncDelete(DATASET);
        phone.appSyncPut(DATASET, "fresh", "new");
        AtomicBoolean pushed = new AtomicBoolean();
        BiConsumer<String, SdkRequest> pushing = (operation, request) -> {
            if (operation.equals("UpdateRecords") && pushed.compareAndSet(false, true)) {
                phone.appSyncPut(DATASET, "pushed", "during the write-back");
            }
        };
        BiConsumer<String, SdkRequest> answerLost = (operation, request) -> {
            if (operation.equals("UpdateRecords")) {
                throw new IllegalStateException("the connection dropped before the answer");
            }
        };
        assertThatThrownBy(() -> cutover.writeBackAround(policy, pushing, answerLost).migrate(id(phone)))
                .hasMessageContaining("the connection dropped");

        IdentityOutcome next = cutover.migrator(false, policy).migrate(id(phone));

        assertThat(pushed).isTrue();
        assertThat(liveValues(phone)).as("AppSync's records after the pass following the write-back (outcome %s)",
                next.datasets()).isEqualTo(Map.of("fresh", "new", "pushed", "during the write-back"));
    }

    /**
     * A device creates the dataset on AppSync, deletes it and starts it again there ({@code fresh}) before any pass:
     * its generation is above 0. Switched to cutover mode, it imports the user's Cognito dataset (from watermark 0,
     * into the dataset born on AppSync) in two parts and stops after the first. No pass or import ever put Cognito's
     * data into the dataset before its deletion, so the docs say Cognito's records are merged in beside the device's:
     * the next pass completes the import, whatever its policy, and keeps {@code fresh}.
     */
    @ParameterizedTest
    @EnumSource(value = ConflictPolicy.class, names = {"KEEP_APPSYNC", "KEEP_COGNITO"})
    void aDevicesStoppedImportIntoADatasetBornAndStartedAgainOnAppSyncIsCompletedByTheNextPass(
            ConflictPolicy policy) {
        Device phone = cutover.newDevice();
        phone.appSyncPut(DATASET, "old", "device");
        phone.appSyncDelete(DATASET);
        phone.appSyncPut(DATASET, "fresh", "new");
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("a", "1"));
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("b", "2"));
        List<Record> cognito = phone.cognitoRecords(DATASET).values().stream()
                .sorted(Comparator.comparing(Record::syncCount)).toList();
        phone.appSyncImport(DATASET, 0, cognito.subList(0, 1), 2, false);

        IdentityOutcome next = cutover.migrator(false, policy).migrate(id(phone));

        assertThat(liveValues(phone)).as("AppSync's records after the pass following the stopped import (outcome %s)",
                next.datasets()).isEqualTo(Map.of("fresh", "new", "a", "1", "b", "2"));
    }

    /**
     * A dataset of 150 records, copied; a device deletes it on AppSync and starts it again ({@code fresh}); the user
     * then edits {@code k0} on Cognito Sync. A pass (later-wins: Cognito's change is the later) takes Cognito's side
     * and writes Cognito's whole dataset into a new generation, in two transactions, and is stopped after the first
     * (99 of Cognito's records unchanged since the last pass). The docs say the next pass completes it, whatever its
     * policy: AppSync then holds Cognito's whole dataset, not the 99 records the stopped pass wrote plus the edit.
     */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aStoppedReplacementWhoseFirstTransactionHeldUnchangedRecordsIsCompletedByTheNextPass(ConflictPolicy policy) {
        Device phone = migrated(many(150));
        recreateOnAppSync(phone);
        phone.cognitoPut(DATASET, "k0", "edited");
        stopAfterFirstTransaction(phone, false);

        IdentityOutcome next = cutover.migrator(false, policy).migrate(id(phone));

        Map<String, String> expected = new HashMap<>(many(150));
        expected.put("k0", "edited");
        assertThat(missing(expected, liveValues(phone))).as("Cognito's records missing on AppSync after the pass "
                + "following the stopped one (outcome %s)", next.datasets()).isEmpty();
        assertThat(liveValues(phone)).isEqualTo(expected);
    }

    /**
     * The same gap on the older path a stopped restoration takes: a dataset of 150 records, copied, deleted on AppSync
     * (not started again), then {@code k0} edited on Cognito Sync; a pass restoring Cognito's whole dataset
     * (later-wins) is stopped after its first transaction. The docs (and RecreatedOnAppSyncTest, with two unchanged
     * records) say the next pass completes it, whatever its policy.
     */
    @Test
    void aStoppedRestorationOverADeletionOnAppSyncWhoseFirstTransactionHeldUnchangedRecordsIsCompleted() {
        Device phone = migrated(many(150));
        phone.appSyncDelete(DATASET);
        phone.cognitoPut(DATASET, "k0", "edited");
        stopAfterFirstTransaction(phone, false);

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(id(phone));

        Map<String, String> expected = new HashMap<>(many(150));
        expected.put("k0", "edited");
        assertThat(missing(expected, liveValues(phone))).as("Cognito's records missing on AppSync after the pass "
                + "following the stopped one (outcome %s)", next.datasets()).isEmpty();
    }

    /**
     * As above, but the pass is not stopped: a switched device pushes {@code during} on AppSync (into the generation
     * the pass started) between its two transactions, so the pass reads the dataset again and plans again. The docs
     * say a push in between cancels the rest, which is then read again and redone: AppSync ends with Cognito's whole
     * dataset and the push.
     */
    @Test
    void aPushBetweenTheTransactionsOfAReplacementDoesNotLoseCognitosUnchangedRecords() {
        Device phone = migrated(many(150));
        recreateOnAppSync(phone);
        phone.cognitoPut(DATASET, "k0", "edited");
        AtomicBoolean pushed = new AtomicBoolean();

        IdentityOutcome pass = cutover.passTransacting(false, () -> {
            if (pushed.compareAndSet(false, true)) {
                phone.appSyncPut(DATASET, "during", "the pass");
            }
        }).migrate(id(phone));

        Map<String, String> expected = new HashMap<>(many(150));
        expected.putAll(Map.of("k0", "edited", "during", "the pass"));
        assertThat(pushed).isTrue();
        assertThat(missing(expected, liveValues(phone))).as("records missing on AppSync after a pass a push "
                + "interrupted (outcome %s)", pass.datasets()).isEmpty();
        assertThat(liveValues(phone)).isEqualTo(expected);
    }

    /**
     * A first copy of 150 records is stopped after its first transaction (99 on AppSync, watermark 0); a device deletes
     * the dataset on AppSync and starts it again with {@code fresh}. Cognito Sync did not change since the copy read
     * it. As for a finished copy (RecreatedOnAppSyncTest.aReCreationWithoutACognitoChangeSinceIsNoConflict), no
     * conflict "changed in Cognito Sync since the last pass" is listed, and keep-cognito does not replace the device's
     * new incarnation with Cognito's unchanged dataset.
     */
    @Test
    void aReCreationAfterAnUnfinishedFirstCopyIsNoCognitoChangeSinceTheCopy() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, true);
        recreateOnAppSync(phone);

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(id(phone));

        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).as("conflicts listed (AppSync's records after: "
                + "%s)", liveValues(phone).keySet().stream().filter(k -> !k.startsWith("k")).toList())
                .noneSatisfy(c -> assertThat(c.reason()).contains("changed in Cognito Sync since the last pass"));
        assertThat(liveValues(phone)).as("outcome %s", pass.datasets()).containsEntry("fresh", "new");
    }

    /** The keys of {@code expected} that {@code actual} lacks or holds with another value, sorted. */
    private static List<String> missing(Map<String, String> expected, Map<String, String> actual) {
        return expected.entrySet().stream().filter(e -> !e.getValue().equals(actual.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
