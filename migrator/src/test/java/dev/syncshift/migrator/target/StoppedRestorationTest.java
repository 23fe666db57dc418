package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static dev.syncshift.migrator.target.CopyInPartsTest.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pass restoring Cognito's dataset over a deletion on AppSync that an earlier pass kept, stopped between its
 * transactions (from the review of 5c04ffa).
 */
class StoppedRestorationTest extends CutoverScenario {

    /**
     * An ordinary dataset of 150 records, copied; a device deletes it on AppSync; the user changes {@code font} in
     * Cognito Sync; a keep-appsync pass keeps the deletion ({@code importedAt} raised to the deletion's count, the
     * generation). The user changes {@code font} again; a later-wins pass restores the dataset from Cognito over the
     * deletion in two transactions and is stopped after the first (99 records written, marked imported). A switched
     * device then pushes {@code pushed} into that half-written generation. After that push the user deletes the
     * dataset in Cognito Sync and starts it again with the one record {@code x}. The next later-wins pass runs.
     *
     * <p>docs/migrator.md: "deleted and re-created in Cognito Sync, changed on AppSync since the last pass" is a
     * dataset-level conflict, and under later-wins Cognito's deletion and re-creation, the later, replaces AppSync's
     * data: a user expects AppSync to hold {@code x} alone, as Cognito Sync does (the device's push came before the
     * deletion, which takes it, as a deletion on Cognito Sync takes every earlier write). At 5c04ffa the stopped
     * chain's item carries {@code importedAt} = generation − 1, so the next pass takes the dataset for a stopped
     * chain and merges Cognito's new incarnation key by key into the half-written one: Cognito's deletion is never
     * weighed, and the device's {@code pushed} record, which Cognito's deletion came after, stays on AppSync (no
     * conflict listed). At 5c04ffa^ the pass took Cognito's deletion and re-creation as a dataset-level conflict.
     */
    @Test
    void aCognitoDeletionAfterAPushIntoAStoppedRestorationIsNotLost() {
        Device phone = cutover.newDevice();
        IdentityId id = new IdentityId(phone.identityId());
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id);
        phone.appSyncDelete(DATASET);
        phone.cognitoPut(DATASET, "font", "on Cognito");
        IdentityOutcome settled = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id);
        phone.cognitoPut(DATASET, "font", "later");
        stopAfterFirstTransaction(phone, false);
        StoredDataset afterStopped = stored(phone);
        phone.appSyncPut(DATASET, "pushed", "before Cognito's deletion");
        phone.cognitoDelete(DATASET);
        phone.cognitoPut(DATASET, "x", "again");

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id);

        assertThat(liveValues(phone)).as("settled %s; item after the stopped pass %s; next %s; item %s",
                settled.datasets(), afterStopped, next.datasets(), stored(phone)).isEqualTo(Map.of("x", "again"));
    }

}
