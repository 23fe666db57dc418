package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Third review of b8f2626..4c3309b (a merged copy a device deletes, or deletes and starts again, on AppSync; 4c3309b:
 * a pass keeping a merged copy deleted on AppSync leaves {@code importedAt} where it was). Each test fails at 4c3309b.
 * The first is a regression of 4c3309b (it passes at 04b38d9 and 32d353c); the second a regression of 04b38d9 (it
 * passes at 32d353c); the last two fail at 32d353c as well.
 */
class MergedCopyReviewThreeTest extends CutoverScenario {

    /**
     * A device deletes a merged copy on AppSync; the user changes {@code font} in Cognito Sync; a keep-appsync pass
     * settles the dataset-level conflict for AppSync (the copy stays deleted, the conflict listed), and so does the
     * next one. The operator then runs {@code verify}: docs/cutover-plan.md, "{@code verify} exits 0 when every
     * dataset devices have not written on AppSync since matches Cognito Sync record for record; its datasets row
     * counts those switched devices have changed on AppSync ..., which AppSync now holds ahead of Cognito Sync". A
     * user expects no mismatch: the difference is a conflict the passes settled for AppSync (an ordinary dataset under
     * the same sequence verifies clean: checked). At 4c3309b (since 04b38d9) a merged copy deleted on AppSync is told
     * changed in Cognito by date, at every read; verify, planning under later-wins, takes the settled conflict for
     * Cognito's and reports "the store is behind Cognito Sync: a pass would write 2 records", so verify exits 5 for as
     * long as the copy stays deleted (no pass under the migration's policy would write anything).
     */
    @Test
    void verifyFindsNoMismatchInAMergedCopyADeletionWasKeptForAppSync() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("r3-mc5-into", "r3-mc5-from");
        WriteBackMergedCopyTest.deleteOnAppSync(merged);
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(), Map.of("font", "on Cognito"));
        IdentityOutcome settled = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(merged.survivor());
        IdentityOutcome again = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(merged.survivor());

        IdentityOutcome verified = cutover.verifier().migrate(merged.survivor());

        assertThat(verified.datasets()).flatMap(DatasetOutcome::mismatches).as("settled %s; again %s; verified %s",
                settled.datasets(), again.datasets(), verified.datasets()).isEmpty();
    }

    /**
     * An ordinary dataset of 150 records, copied; a device deletes it on AppSync; the user changes {@code font} in
     * Cognito Sync; a keep-appsync pass keeps the deletion (raising {@code importedAt} to the deletion's count, which
     * is also the generation a re-creation starts in). The user changes {@code font} again; a later-wins pass settles
     * the conflict for Cognito, re-creating the dataset from Cognito's whole read in two transactions, and is stopped
     * after the first. docs/migrator.md: "A pass writing Cognito's dataset into a new generation in more than one
     * transaction (here, over a deletion on AppSync ...) and stopped ... before its last also leaves a generation above
     * {@code importedAt}; ... The next pass completes it from a read of the whole dataset, whatever its policy". A user
     * expects the next pass to bring the 51 records the stopped pass had not written. Here the generation is not above
     * {@code importedAt} (equal to it), so the next pass merges from the watermark and takes every record at or below
     * it for current: they never arrive. 4c3309b avoids this for merged copies only (keptDeleted keeps
     * {@code importedAt} low). Fails at 32d353c too: older.
     */
    @Test
    void aStoppedReCreationOverADeletionAnEarlierPassKeptIsCompleted() {
        Device phone = cutover.newDevice();
        IdentityId id = new IdentityId(phone.identityId());
        phone.cognitoPush(phone.identityId(), CopyInPartsTest.DATASET, CopyInPartsTest.many(150));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id);
        phone.appSyncDelete(CopyInPartsTest.DATASET);
        phone.cognitoPut(CopyInPartsTest.DATASET, "font", "on Cognito");
        IdentityOutcome settled = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id);
        StoredDataset afterSettled = CopyInPartsTest.stored(phone);
        phone.cognitoPut(CopyInPartsTest.DATASET, "font", "later");
        CopyInPartsTest.stopAfterFirstTransaction(phone, false);
        StoredDataset afterStopped = CopyInPartsTest.stored(phone);

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id);

        Map<String, String> expected = new HashMap<>(CopyInPartsTest.many(150));
        expected.put("font", "later");
        Map<String, String> values = new HashMap<>();
        phone.appSyncRecords(CopyInPartsTest.DATASET, 0).forEach((k, v) -> {
            if (!v.path("deleted").asBoolean()) {
                values.put(k, v.path("value").asText());
            }
        });
        assertThat(expected.keySet().stream().filter(k -> !values.containsKey(k)).count()).as("keys missing; settled "
                + "%s (item %s); item after the stopped pass %s; next %s", settled.datasets(), afterSettled,
                afterStopped, next.datasets()).isZero();
        assertThat(values).isEqualTo(expected);
    }
}
