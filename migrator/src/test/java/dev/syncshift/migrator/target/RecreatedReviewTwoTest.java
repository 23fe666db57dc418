package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.id;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static dev.syncshift.migrator.target.CopyInPartsTest.stored;
import static dev.syncshift.migrator.target.CopyInPartsTest.synchronize;
import static dev.syncshift.migrator.target.RecreatedOnAppSyncTest.migrated;
import static dev.syncshift.migrator.target.RecreatedOnAppSyncTest.recreateOnAppSync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.Backend;
import dev.syncshift.client.CognitoSyncManager;
import dev.syncshift.client.Dataset;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Around the rule that a dataset deleted and started again on AppSync since the last pass, changed in Cognito Sync
 * since, is a dataset-level conflict ({@link RecreatedOnAppSyncTest}): a pass that saw the re-creation, and a pass
 * writing Cognito's dataset into a new generation stopped before a device in cutover mode synchronizes.
 */
class RecreatedReviewTwoTest extends CutoverScenario {

    /**
     * A dataset of 150 records, copied (Cognito's count 1); a device pushes five times on AppSync, deletes the dataset
     * there and starts it again ({@code fresh}), or not ({@code startedAgain} false: the older restoration path); the
     * user edits {@code k0} on Cognito Sync (count 2). A pass (later wins: Cognito's change is the later) writing
     * Cognito's dataset into a new generation is stopped after its first transaction. A device in cutover mode then
     * synchronizes (its import is refused: the generation stands above the last import, left to the migrator), an app
     * still on Cognito Sync edits {@code k1} (count 3), and the next pass completes Cognito's dataset, the edit
     * included, which the cutover app, launched again, shows.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aStoppedReplacementACutoverDeviceLeavesToTheMigratorIsCompletedWithTheCognitoChangesSince(
            boolean startedAgain) {
        Device phone = migrated(many(150));
        for (int i = 0; i < 5; i++) {
            phone.appSyncPut(DATASET, "n" + i, "pushed");
        }
        if (startedAgain) {
            recreateOnAppSync(phone);
        } else {
            phone.appSyncDelete(DATASET);
        }
        phone.cognitoPut(DATASET, "k0", "edited");
        stopAfterFirstTransaction(phone, false);
        try (CognitoSyncManager app = cutoverApp(phone)) {
            synchronize(app.openOrCreateDataset(DATASET));
        }
        StoredDataset afterSynchronize = stored(phone);
        phone.cognitoPut(DATASET, "k1", "after the import");

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));

        Map<String, String> expected = new HashMap<>(many(150));
        expected.putAll(Map.of("k0", "edited", "k1", "after the import"));
        assertThat(liveValues(phone)).as("AppSync's records after the pass (the item after the cutover synchronize: "
                + "%s; the pass: %s)", afterSynchronize, next.datasets()).isEqualTo(expected);
        try (CognitoSyncManager app = cutoverApp(phone)) {
            Dataset dataset = app.openOrCreateDataset(DATASET);
            synchronize(dataset);
            assertThat(dataset.get("k1")).isEqualTo("after the import");
        }
    }

    /**
     * A dataset {@code a}, {@code b}, copied; a device deletes it on AppSync and starts it again ({@code fresh}). A
     * delta pass runs: Cognito did not change, nothing is in conflict. The user then edits {@code a} on an app still
     * on Cognito Sync, and the next pass runs (later-wins, Cognito's edit the later). The docs call the conflict
     * "deleted and re-created on AppSync ... since the last pass", and say that once a pass settled it, later Cognito
     * changes are merged into the live incarnation key by key: the deletion came before the last pass, so the edit is
     * merged in beside {@code fresh}, not taken for a reason to replace the device's new incarnation with Cognito's
     * whole dataset (bringing back {@code b}, which the device deleted, and dropping {@code fresh}).
     */
    @Test
    void aCognitoChangeAfterAPassThatSawTheReCreationIsMergedKeyByKey() {
        Device phone = migrated();
        recreateOnAppSync(phone);
        IdentityOutcome seen = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));
        phone.cognitoPut(DATASET, "a", "edited");

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));

        assertThat(liveValues(phone)).as("AppSync's records after the pass following the one that saw the "
                + "re-creation (that pass %s; this one %s)", seen.datasets(), next.datasets())
                .isEqualTo(Map.of("fresh", "new", "a", "edited"));
    }

    /**
     * As above, a replacement of a re-created dataset stopped after its first transaction; the user then deletes the
     * dataset on an app still on Cognito Sync (its count stays 2). A device in cutover mode synchronizes: Cognito no
     * longer has the dataset, so it is deleted on AppSync too. The user then starts the dataset again on Cognito Sync
     * ({@code again}, count 3), and a pass runs. As Cognito Sync continues a re-created dataset from its count at the
     * deletion, the docs say the pass imports Cognito's changes after the watermark: AppSync then holds the dataset
     * the user started again, and the cutover app, launched again, shows it.
     */
    @Test
    void aReCreationOnCognitoAfterACutoverImportDeletedAStoppedReplacementReachesAppSync() {
        Device phone = migrated(many(150));
        for (int i = 0; i < 5; i++) {
            phone.appSyncPut(DATASET, "n" + i, "pushed");
        }
        recreateOnAppSync(phone);
        phone.cognitoPut(DATASET, "k0", "edited");
        stopAfterFirstTransaction(phone, false);
        phone.cognitoDelete(DATASET);
        try (CognitoSyncManager app = cutoverApp(phone)) {
            synchronize(app.openOrCreateDataset(DATASET));
        }
        StoredDataset deleted = stored(phone);
        phone.cognitoPut(DATASET, "again", "1");

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));

        try (CognitoSyncManager app = cutoverApp(phone)) {
            Dataset dataset = app.openOrCreateDataset(DATASET);
            synchronize(dataset);
            assertThat(liveValues(phone)).as("AppSync's records after the pass (the cutover import left deleted %s, "
                    + "count %s, watermark %s; the pass %s; Cognito's count %s; the app shows %s)", deleted.deleted(),
                    deleted.metadata().syncCount(), deleted.sourceWatermark(), pass.datasets(),
                    cognitoCount(phone), dataset.getAll()).isEqualTo(Map.of("again", "1"));
        }
    }

    private static long cognitoCount(Device phone) {
        return cutover.syncClient().listRecords(r -> r.identityPoolId(cutover.pool().value())
                .identityId(phone.identityId()).datasetName(DATASET)).datasetSyncCount();
    }

    private static CognitoSyncManager cutoverApp(Device phone) {
        return CognitoSyncManager.builder().identityPoolId(cutover.pool().value())
                .cognitoEndpoint(cutover.cognito().endpoint()).appSyncEndpoint(cutover.appSync().endpoint())
                .backend(Backend.CUTOVER).identityId(phone.identityId()).build();
    }
}
