package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.Device;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsRequest;

/**
 * Going back: a write-back pass gives Cognito Sync what switched devices wrote on AppSync (changes, removals, new
 * datasets, deletions), keeps what devices still on Cognito Sync wrote, settles keys changed on both sides by the
 * policy, and leaves the store knowing it, so that passes after it find nothing to do.
 */
class WriteBackPassTest extends WriteBackScenario {

    @Test
    void cognitoReceivesWhatDevicesWroteOnAppSyncAndKeepsItsOwnChanges() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1", "b", "2", "c", "3", "d", "4"));
        app.cognitoPut("old", "x", "x");
        full(app.identityId());
        // b changes on both sides, AppSync's change the later (a tie by the millisecond keeps AppSync's too)
        app.cognitoPush(app.identityId(), "prefs", Map.of("b", "2 in Cognito", "c", "3 in Cognito"));
        app.appSyncPut("prefs", "a", "1 on AppSync");
        app.appSyncPut("prefs", "new", "n");
        app.appSyncPut("prefs", "b", "2 on AppSync");
        app.appSyncRemove("prefs", "d");
        app.appSyncDelete("old");
        app.appSyncPut("born", "k", "v");

        IdentityOutcome back = cutover.writeBack().migrate(new IdentityId(app.identityId()));

        assertThat(back.datasets()).allSatisfy(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.mismatches()).isEmpty();
        });
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", "1 on AppSync", "b", "2 on AppSync",
                "c", "3 in Cognito", "new", "n"));
        assertThat(app.page("old", 0).exists()).isFalse();
        assertThat(cognitoExists(app, "old")).isFalse();
        assertThat(values(app, "born")).isEqualTo(Map.of("k", "v"));
        assertThat(outcome(back, "prefs").conflicts()).singleElement()
                .satisfies(c -> {
                    assertThat(c.key().value()).isEqualTo("b");
                    assertThat(c.cognitoWon()).isFalse();
                });
        assertThat(outcome(back, "prefs").writtenBack()).isEqualTo(new DatasetOutcome.WrittenBack(4, false));
        assertThat(outcome(back, "old").writtenBack()).isEqualTo(new DatasetOutcome.WrittenBack(0, true));
        assertThat(outcome(back, "born").writtenBack()).isEqualTo(new DatasetOutcome.WrittenBack(1, false));
        // Switched devices pull Cognito's changes, which the pass imported first.
        assertThat(app.appSyncRecords("prefs", 0).get("c").path("value").asText()).isEqualTo("3 in Cognito");

        IdentityOutcome again = cutover.writeBack().migrate(new IdentityId(app.identityId()));
        assertThat(again.datasets()).allSatisfy(d -> {
            assertThat(d.writtenBack()).isNull();
            assertThat(d.recordsWritten()).isZero();
            assertThat(d.conflicts()).isEmpty();
        });
        assertThat(delta(app.identityId()).datasets()).allSatisfy(d -> {
            assertThat(d.recordsWritten()).isZero();
            assertThat(d.conflicts()).isEmpty();
            assertThat(d.mismatches()).isEmpty();
        });
    }

    /** A dataset nobody changed on either side since the last pass holds Cognito's copy: it is not even read. */
    @Test
    void aDatasetNobodyChangedSinceTheLastPassIsNotReadAgain() {
        Device app = cutover.newDevice();
        app.cognitoPut("quiet", "k", "v");
        app.cognitoPut("busy", "k", "v");
        full(app.identityId());
        app.appSyncPut("busy", "k", "v on AppSync");
        List<String> read = new CopyOnWriteArrayList<>();

        IdentityOutcome back = cutover.writeBackCalling((operation, request) -> {
            if (request instanceof ListRecordsRequest list) {
                read.add(list.datasetName());
            }
        }).migrate(new IdentityId(app.identityId()));

        assertThat(read).contains("busy").doesNotContain("quiet");
        assertThat(outcome(back, "quiet").writtenBack()).isNull();
        assertThat(values(app, "busy")).isEqualTo(Map.of("k", "v on AppSync"));
    }

    /** A dataset deleted and re-created on AppSync: Cognito's copy loses the keys the new incarnation lacks. */
    @Test
    void aDatasetRecreatedOnAppSyncLosesTheOldIncarnationsKeysInCognito() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "game", Map.of("level", "3", "coins", "40"));
        full(app.identityId());
        app.appSyncDelete("game");
        app.appSyncPut("game", "level", "1");

        IdentityOutcome back = cutover.writeBack().migrate(new IdentityId(app.identityId()));

        assertThat(outcome(back, "game").failure()).isNull();
        assertThat(values(app, "game")).isEqualTo(Map.of("level", "1"));
        assertThat(cutover.writeBack().migrate(new IdentityId(app.identityId())).datasets())
                .allSatisfy(d -> assertThat(d.writtenBack()).isNull());
    }

    /**
     * A dataset deleted in Cognito Sync while devices changed it on AppSync: the delta settles the conflict for
     * AppSync's data (a bare deletion gives no date to compare), and the write-back creates the dataset again in
     * Cognito Sync with it.
     */
    @Test
    void aDatasetCognitoDeletedThatAppSyncKeptIsCreatedAgainInCognito() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "notes", Map.of("a", "1", "b", "2"));
        full(app.identityId());
        app.appSyncPut("notes", "a", "1 on AppSync");
        app.cognitoDelete("notes");

        IdentityOutcome back = cutover.writeBack().migrate(new IdentityId(app.identityId()));

        assertThat(outcome(back, "notes")).satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.conflicts()).singleElement().satisfies(c -> assertThat(c.cognitoWon()).isFalse());
            assertThat(d.writtenBack()).isEqualTo(new DatasetOutcome.WrittenBack(2, false));
        });
        assertThat(values(app, "notes")).isEqualTo(Map.of("a", "1 on AppSync", "b", "2"));
        assertThat(cutover.writeBack().migrate(new IdentityId(app.identityId())).datasets())
                .allSatisfy(d -> assertThat(d.writtenBack()).isNull());
    }

    /**
     * The write-back's own DeleteDataset is recorded in the store: a device back on Cognito Sync that creates the
     * dataset again afterwards is no conflict with AppSync's deletion, whatever the policy, and the next run keeps it.
     */
    @Test
    void aDatasetCreatedAgainInCognitoAfterTheWriteBackDeletedItIsKeptByTheNextRun() {
        Device app = cutover.newDevice();
        app.cognitoPut("tmp", "k", "v");
        full(app.identityId());
        app.appSyncDelete("tmp");
        cutover.writeBack(ConflictPolicy.KEEP_APPSYNC).migrate(new IdentityId(app.identityId()));
        assertThat(values(app, "tmp")).isEmpty();
        app.cognitoPut("tmp", "k", "written on Cognito after going back");

        IdentityOutcome next = cutover.writeBack(ConflictPolicy.KEEP_APPSYNC).migrate(new IdentityId(app.identityId()));

        assertThat(outcome(next, "tmp").conflicts()).isEmpty();
        assertThat(values(app, "tmp")).isEqualTo(Map.of("k", "written on Cognito after going back"));
        assertThat(app.appSyncRecords("tmp", 0).get("k").path("value").asText())
                .isEqualTo("written on Cognito after going back");
    }

    /**
     * The rule above holds only for a deletion made before the last pass moved the watermark: an AppSync deletion
     * since (a delta pass that found Cognito unchanged moved nothing) is a conflict with a later Cognito change,
     * settled by the policy (here for AppSync's side).
     */
    @Test
    void anAppSyncDeletionCognitoNeverHadStaysAConflictWithALaterCognitoChange() {
        Device app = cutover.newDevice();
        app.cognitoPut("notes", "k", "v");
        full(app.identityId());
        app.appSyncDelete("notes");
        cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(new IdentityId(app.identityId()));
        app.cognitoPut("notes", "k", "changed on Cognito after the deletion");

        IdentityOutcome delta = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC)
                .migrate(new IdentityId(app.identityId()));

        assertThat(outcome(delta, "notes").conflicts()).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isFalse());
        assertThat(app.page("notes", 0).exists()).isFalse();
    }

    /**
     * An AppSync deletion a pass settled for AppSync stays settled: a later Cognito change is a conflict again, not a
     * re-creation that would bring back the values the policy refused.
     */
    @Test
    void anAppSyncDeletionAConflictKeptIsNotUndoneByALaterCognitoChange() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "list", Map.of("a", "1"));
        full(app.identityId());
        app.appSyncDelete("list");
        app.cognitoPut("list", "a", "2 in Cognito");
        IdentityOutcome first = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC)
                .migrate(new IdentityId(app.identityId()));
        assertThat(outcome(first, "list").conflicts()).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isFalse());
        app.cognitoPut("list", "b", "3 in Cognito");

        IdentityOutcome second = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC)
                .migrate(new IdentityId(app.identityId()));

        assertThat(outcome(second, "list").conflicts()).isNotEmpty();
        assertThat(app.page("list", 0).exists()).isFalse();
    }

    /**
     * A device on Cognito Sync deletes the dataset between the write-back's check and its UpdateRecords (a deletion
     * keeps the count, and the write then creates the dataset again): the watermark is not moved past the deletion,
     * which the next attempt imports and settles as a conflict, and the deleted records are not written back.
     */
    @Test
    void aCognitoDeletionDuringTheWriteBackIsSettledNotLost() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1", "b", "2"));
        full(app.identityId());
        app.appSyncPut("prefs", "new", "added on AppSync");
        AtomicBoolean raced = new AtomicBoolean();

        IdentityOutcome back = cutover.writeBackCalling(ConflictPolicy.KEEP_COGNITO, (operation, request) -> {
            if (request instanceof ListRecordsRequest list && list.maxResults() != null && list.maxResults() == 1
                    && raced.compareAndSet(false, true)) {
                app.cognitoDelete("prefs");
            }
        }).migrate(new IdentityId(app.identityId()));
        IdentityOutcome again = cutover.writeBack(ConflictPolicy.KEEP_COGNITO)
                .migrate(new IdentityId(app.identityId()));

        assertThat(raced).isTrue();
        assertThat(outcome(back, "prefs").conflicts()).isNotEmpty();
        assertThat(outcome(again, "prefs").failure()).isNull();
        assertThat(values(app, "prefs")).doesNotContainKeys("a", "b");
    }

    /** As above, the dataset created again on AppSync: the next run writes it into Cognito, whatever the policy. */
    @Test
    void aDatasetCreatedAgainOnAppSyncAfterTheWriteBackDeletedItIsWrittenBackByTheNextRun() {
        Device app = cutover.newDevice();
        app.cognitoPut("tmp", "k", "v");
        full(app.identityId());
        app.appSyncDelete("tmp");
        cutover.writeBack(ConflictPolicy.KEEP_COGNITO).migrate(new IdentityId(app.identityId()));
        app.appSyncPut("tmp", "k", "created again on AppSync");

        IdentityOutcome next = cutover.writeBack(ConflictPolicy.KEEP_COGNITO).migrate(new IdentityId(app.identityId()));

        assertThat(outcome(next, "tmp").conflicts()).isEmpty();
        assertThat(values(app, "tmp")).isEqualTo(Map.of("k", "created again on AppSync"));
        assertThat(app.page("tmp", 0).exists()).isTrue();
    }

    /**
     * A dataset born on AppSync under the name of one Cognito Sync deleted before the cutover (Cognito keeps its
     * count): the old deletion is no conflict, and the dataset is written into Cognito, whatever the policy.
     */
    @Test
    void aDatasetBornOnAppSyncUnderTheNameOfOneCognitoDeletedLongAgoIsWrittenBack() {
        Device app = cutover.newDevice();
        app.cognitoPut("old", "k", "from long ago");
        app.cognitoDelete("old");
        app.cognitoPut("other", "k", "v");
        full(app.identityId());
        app.appSyncPut("old", "k", "born on AppSync");

        IdentityOutcome back = cutover.writeBack(ConflictPolicy.KEEP_COGNITO).migrate(new IdentityId(app.identityId()));

        assertThat(outcome(back, "old")).satisfies(d -> {
            assertThat(d.conflicts()).isEmpty();
            assertThat(d.writtenBack()).isEqualTo(new DatasetOutcome.WrittenBack(1, false));
        });
        assertThat(values(app, "old")).isEqualTo(Map.of("k", "born on AppSync"));
        assertThat(app.page("old", 0).exists()).isTrue();
    }

    /**
     * A device still on Cognito Sync writes another key between the write-back's read and its UpdateRecords: both
     * writes land, and the next attempt imports the device's without taking the write-back's own records, read back
     * from Cognito, for conflicts.
     */
    @Test
    void aCognitoWriteLandingDuringTheWriteBackIsKeptAndImported() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1", "b", "2"));
        full(app.identityId());
        app.appSyncPut("prefs", "a", "1 on AppSync");
        AtomicBoolean raced = new AtomicBoolean();

        IdentityOutcome back = cutover.writeBackCalling((operation, request) -> {
            if (request instanceof ListRecordsRequest list && list.maxResults() != null && list.maxResults() == 1
                    && raced.compareAndSet(false, true)) {
                app.cognitoPut("prefs", "b", "2 from a device on Cognito");
            }
        }).migrate(new IdentityId(app.identityId()));

        assertThat(raced).isTrue();
        assertThat(outcome(back, "prefs")).satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.conflicts()).isEmpty();
            assertThat(d.writtenBack()).isEqualTo(new DatasetOutcome.WrittenBack(1, false));
        });
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", "1 on AppSync", "b", "2 from a device on Cognito"));
        assertThat(app.appSyncRecords("prefs", 0).get("b").path("value").asText())
                .isEqualTo("2 from a device on Cognito");
        assertThat(delta(app.identityId()).datasets()).allSatisfy(d -> assertThat(d.recordsWritten()).isZero());
    }

    /**
     * The answer to the write-back's UpdateRecords is lost (the write landed): the pass fails that identity, and the
     * next one finds Cognito past the watermark with values the store holds, imports them as no change and no
     * conflict, and writes nothing again.
     */
    @Test
    void aWriteBackWhoseAnswerWasLostIsCompletedByTheNextPassWithoutConflicts() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1", "b", "2"));
        full(app.identityId());
        app.appSyncPut("prefs", "a", "1 on AppSync");
        app.appSyncRemove("prefs", "b");
        AtomicBoolean lost = new AtomicBoolean();

        assertThatThrownBy(() -> cutover.writeBackCalling((operation, request) -> {
            if (operation.equals("UpdateRecords") && lost.compareAndSet(false, true)) {
                throw new IllegalStateException("the connection dropped before the answer");
            }
        }).migrate(new IdentityId(app.identityId()))).hasMessageContaining("the connection dropped");
        IdentityOutcome next = cutover.writeBack().migrate(new IdentityId(app.identityId()));

        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", "1 on AppSync"));
        assertThat(outcome(next, "prefs")).satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.conflicts()).isEmpty();
            assertThat(d.writtenBack()).isNull();
        });
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).isEqualTo("1 on AppSync");
        assertThat(delta(app.identityId()).datasets()).allSatisfy(d -> {
            assertThat(d.recordsWritten()).isZero();
            assertThat(d.conflicts()).isEmpty();
        });
    }
}
