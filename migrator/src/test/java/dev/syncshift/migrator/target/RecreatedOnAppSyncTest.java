package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.id;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static dev.syncshift.migrator.target.CopyInPartsTest.synchronize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.Backend;
import dev.syncshift.client.CognitoSyncManager;
import dev.syncshift.client.Dataset;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A device deletes a migrated dataset on AppSync and starts it again there, while the user changes it on Cognito
 * Sync (an unswitched device). The deletion on one side against the change on the other is a dataset-level conflict,
 * settled by the policy: applying Cognito's changes into the new incarnation would bring back records the device
 * deleted, whatever the policy.
 */
class RecreatedOnAppSyncTest extends CutoverScenario {

    private static final String REASON =
            "deleted and re-created on AppSync, changed in Cognito Sync since the last pass";

    @Test
    void keepingAppSyncsSideKeepsTheNewIncarnationAloneAndTheNextPassHasNothingToSettle() {
        Device phone = recreatedAndEditedOnCognito();

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));
        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));

        assertThat(liveValues(phone)).as("AppSync's records (outcome %s)", pass.datasets())
                .isEqualTo(Map.of("fresh", "new"));
        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).singleElement().satisfies(c -> {
            assertThat(c.key()).isNull();
            assertThat(c.cognitoWon()).isFalse();
            assertThat(c.reason()).isEqualTo(REASON);
        });
        assertThat(next.datasets()).flatMap(DatasetOutcome::conflicts).as("settled once").isEmpty();
        assertThat(liveValues(phone)).isEqualTo(Map.of("fresh", "new"));
    }

    @Test
    void keepingCognitosSideReplacesTheNewIncarnationWithCognitosWholeDataset() {
        Device phone = recreatedAndEditedOnCognito();

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(id(phone));

        assertThat(liveValues(phone)).as("AppSync's records (outcome %s)", pass.datasets())
                .isEqualTo(Map.of("a", "edited", "b", "2"));
        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isTrue());
    }

    @Test
    void laterWinsKeepsTheReCreationAgainstAnEarlierCognitoChangeAndTakesCognitosWholeDatasetWhenItIsLater() {
        Device earlier = migrated();
        earlier.cognitoPut(DATASET, "a", "edited before");
        recreateOnAppSync(earlier);
        Device later = migrated();
        recreateOnAppSync(later);
        later.cognitoPut(DATASET, "a", "edited after");

        IdentityOutcome first = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(earlier));
        IdentityOutcome second = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(later));

        assertThat(liveValues(earlier)).as("outcome %s", first.datasets()).isEqualTo(Map.of("fresh", "new"));
        assertThat(liveValues(later)).as("outcome %s", second.datasets())
                .isEqualTo(Map.of("a", "edited after", "b", "2"));
    }

    /** A re-creation on AppSync with no Cognito change since the last pass is no conflict: it stays as it is. */
    @Test
    void aReCreationWithoutACognitoChangeSinceIsNoConflict() {
        Device phone = migrated();
        recreateOnAppSync(phone);

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(id(phone));

        assertThat(liveValues(phone)).isEqualTo(Map.of("fresh", "new"));
        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
    }

    /**
     * A dataset a device created on AppSync before any pass imported it never held Cognito's data: deleting and
     * starting it again there deletes none of it, so Cognito's records are merged in, as into any dataset born on
     * AppSync.
     */
    @Test
    void aDatasetBornOnAppSyncDeletedAndStartedAgainThereTakesCognitosRecordsBesideItsOwn() {
        Device phone = cutover.newDevice();
        phone.appSyncPut(DATASET, "old", "device");
        recreateOnAppSync(phone);
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("a", "1", "b", "2"));

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));

        assertThat(liveValues(phone)).as("outcome %s", pass.datasets())
                .isEqualTo(Map.of("fresh", "new", "a", "1", "b", "2"));
    }

    /**
     * A switched device synchronizing in cutover mode does not import Cognito's change into the new incarnation, as it
     * does not import over a deletion on Cognito Sync: the watermark stays, and the migrator's next pass settles the
     * deletion against the change by its policy.
     */
    @Test
    void aCutoverSynchronizeLeavesTheReCreationToTheMigrator() {
        Device phone = recreatedAndEditedOnCognito();

        try (CognitoSyncManager app = CognitoSyncManager.builder().identityPoolId(cutover.pool().value())
                .cognitoEndpoint(cutover.cognito().endpoint()).appSyncEndpoint(cutover.appSync().endpoint())
                .backend(Backend.CUTOVER).identityId(phone.identityId()).build()) {
            Dataset dataset = app.openOrCreateDataset(DATASET);
            synchronize(dataset);
            assertThat(dataset.getAll()).as("what the device shows").isEqualTo(Map.of("fresh", "new"));
        }
        assertThat(liveValues(phone)).isEqualTo(Map.of("fresh", "new"));
        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(id(phone));

        assertThat(liveValues(phone)).as("outcome %s", pass.datasets()).isEqualTo(Map.of("a", "edited", "b", "2"));
        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(REASON));
    }

    /**
     * After a pass stopped between its revision transactions, a device deletes the dataset on AppSync (seeing the
     * records the stopped pass applied) and starts it again with one record. Keeping AppSync's side of conflicts, the
     * next pass does not bring back the records the device deleted.
     */
    @Test
    void recordsADeviceDeletedOnAppSyncAfterAStoppedPassDoNotComeBackUnderKeepAppSync() {
        Device phone = SettledDeletionRecreatedTest.settledForAppSync(DATASET);
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, false);
        Set<String> seen = liveValues(phone).keySet();
        recreateOnAppSync(phone);

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));

        Set<String> back = liveValues(phone).keySet().stream().filter(seen::contains).collect(Collectors.toSet());
        assertThat(back).as("records the device deleted on AppSync that the pass keeping AppSync's side brought back "
                + "(%d; outcome %s)", back.size(), next.datasets()).isEmpty();
    }

    /**
     * A pass taking Cognito's side against a deletion on AppSync writes Cognito's dataset into a new generation in
     * more than one transaction, and is stopped after its first. That generation is the import's, not a deletion on
     * AppSync since the last pass: the next pass, whatever its policy, completes it.
     */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aStoppedPassRestoringCognitosDatasetOverADeletionOnAppSyncIsCompletedByTheNext(ConflictPolicy policy) {
        Device phone = migrated();
        phone.appSyncDelete(DATASET);
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        assertStoppedRestorationCompleted(phone, policy);
    }

    /** As above, over a dataset deleted and started again on AppSync: Cognito's whole dataset replaces it. */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aStoppedPassReplacingAReCreationOnAppSyncWithCognitosDatasetIsCompletedByTheNext(ConflictPolicy policy) {
        Device phone = migrated();
        recreateOnAppSync(phone);
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        assertStoppedRestorationCompleted(phone, policy);
    }

    /** A pass (later-wins: Cognito's change is the later) stopped after one transaction, then one under policy. */
    private static void assertStoppedRestorationCompleted(Device phone, ConflictPolicy policy) {
        stopAfterFirstTransaction(phone, false);

        IdentityOutcome next = cutover.migrator(false, policy).migrate(id(phone));

        Map<String, String> expected = new HashMap<>(many(150));
        expected.putAll(Map.of("a", "1", "b", "2"));
        assertThat(liveValues(phone)).as("AppSync's records after the pass following the stopped one (outcome %s)",
                next.datasets()).isEqualTo(expected);
        assertThat(next.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
    }

    /** A device's dataset of two records ({@code a}, {@code b}) on Cognito Sync, copied by a full pass. */
    static Device migrated() {
        return migrated(Map.of("a", "1", "b", "2"));
    }

    /** A device's dataset of {@code records} on Cognito Sync (one push), copied by a full pass. */
    static Device migrated(Map<String, String> records) {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, records);
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id(phone));
        return phone;
    }

    /** {@link #migrated()}, {@link #recreateOnAppSync re-created on AppSync}, then {@code a} edited on Cognito. */
    private static Device recreatedAndEditedOnCognito() {
        Device phone = migrated();
        recreateOnAppSync(phone);
        phone.cognitoPut(DATASET, "a", "edited");
        return phone;
    }

    /** The device deletes the dataset on AppSync and starts it again with {@code fresh}. */
    static void recreateOnAppSync(Device phone) {
        phone.appSyncDelete(DATASET);
        phone.appSyncPut(DATASET, "fresh", "new");
    }
}
