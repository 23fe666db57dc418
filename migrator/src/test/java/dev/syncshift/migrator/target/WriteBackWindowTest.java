package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.migrator.Device;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsRequest;
import software.amazon.awssdk.services.cognitosync.model.Record;

/**
 * The window between a write-back's UpdateRecords into Cognito Sync and the move of the store's watermark past it,
 * when Cognito holds the write-back's copy of the store's values, dated at the write: a push made on AppSync since
 * the write-back read the store is never undone by that copy, whoever imports it (the next pass, a switched device),
 * wherever it landed, while changes made in Cognito Sync by devices (or by another writer, once Cognito refused the
 * write-back's write) are settled as usual.
 */
class WriteBackWindowTest extends WriteBackScenario {

    private static final String PUSHED = "3 pushed during the write-back";
    /** The answer to every UpdateRecords is lost: the write lands, and the pass ends there. */
    private static final BiConsumer<String, SdkRequest> ANSWER_LOST = (operation, request) -> {
        if (operation.equals("UpdateRecords")) {
            throw new IllegalStateException("the connection dropped before the answer");
        }
    };

    /**
     * A device pushes on AppSync between the write-back's read and its UpdateRecords, which gives Cognito the older
     * value, dated at the write; the answer is lost, so the watermark does not move. The next pass keeps the pushed
     * value whatever the policy (the Cognito version at the write-back's count may be that write's own copy) and lists
     * it, and the write-back after it gives the pushed value to Cognito.
     */
    @ParameterizedTest
    @EnumSource(value = ConflictPolicy.class, names = {"LATER_WINS", "KEEP_COGNITO"})
    void aPushLandingDuringTheWriteBackIsNotUndoneByTheWriteBacksOwnWrite(ConflictPolicy policy) {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());

        assertThatThrownBy(() -> cutover.writeBackAround(policy, pushingBeforeTheUpdate(app), ANSWER_LOST)
                .migrate(identity)).hasMessageContaining("the connection dropped");
        assertThat(values(app, "prefs")).containsEntry("a", "2 on AppSync");
        IdentityOutcome next = cutover.migrator(false, policy).migrate(identity);

        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).isEqualTo(PUSHED);
        assertThat(outcome(next, "prefs").conflicts()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(new RecordKey("a"));
            assertThat(c.cognitoWon()).isFalse();
            assertThat(c.reason()).contains("after a write-back read it");
        });
        IdentityOutcome back = cutover.writeBack(policy).migrate(identity);
        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", PUSHED, "b", "2"));
        assertThat(marked(identity)).isFalse();
    }

    /**
     * A device in cutover mode imports Cognito's changes between the write-back's UpdateRecords and the move of the
     * watermark, after another device pushed on AppSync since the write-back read the store: the import does not take
     * the write-back's copy of the older value over the push, and the write-back then gives the push to Cognito.
     */
    @Test
    void aDeviceImportingWhileTheWriteBackWritesKeepsAPushMadeSinceItsRead() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS, pushingBeforeTheUpdate(app),
                importingAfterTheUpdate(app, identity)).migrate(identity);

        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).isEqualTo(PUSHED);
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", PUSHED, "b", "2"));
        assertThat(delta(app.identityId()).datasets()).allSatisfy(d -> {
            assertThat(d.recordsWritten()).isZero();
            assertThat(d.conflicts()).isEmpty();
        });
    }

    /**
     * Another writer with developer credentials (a backend of the app's) changes a key in Cognito Sync, later than a
     * push of it on AppSync, after the write-back marked the dataset and before its UpdateRecords, which is then not
     * made: the mark comes off, so the next attempt settles the two changes by the policy (the Cognito change is later
     * and wins) instead of holding it back as the write-back's own.
     */
    @Test
    void aCognitoChangeThatStopsTheWriteBacksWriteIsSettledByThePolicy() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());
        AtomicBoolean raced = new AtomicBoolean();
        BiConsumer<String, SdkRequest> bothSidesChange = (operation, request) -> {
            if (request instanceof ListRecordsRequest list && list.maxResults() != null && list.maxResults() == 1
                    && marked(identity) && raced.compareAndSet(false, true)) {
                app.appSyncPut("prefs", "a", PUSHED);
                app.cognitoPut("prefs", "a", "3 from a backend on Cognito, later");
            }
        };

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS, bothSidesChange, (o, r) -> { })
                .migrate(identity);

        assertThat(raced).isTrue();
        assertThat(outcome(back, "prefs").conflicts()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(new RecordKey("a"));
            assertThat(c.cognitoWon()).isTrue();
        });
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText())
                .isEqualTo("3 from a backend on Cognito, later");
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", "3 from a backend on Cognito, later", "b", "2"));
        assertThat(marked(identity)).isFalse();
    }

    /**
     * A device still on Cognito Sync writes another key between the write-back's check and its UpdateRecords, while a
     * switched device pushes a on AppSync: Cognito does not refuse the write-back (a's count did not move), so its copy
     * of the older a lands a count higher than the one it was based on plus one; the next attempt's import still takes
     * it for the write-back's own and keeps the push.
     */
    @Test
    void theWriteBacksCopyLandingBesideAnotherCognitoWriteIsStillTakenForItsOwn() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS,
                pushingBeforeTheUpdate(app, () -> app.cognitoPutAsApp("prefs", "b", "3 in Cognito")), (o, r) -> { })
                .migrate(identity);

        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).as("%s", back).isEqualTo(PUSHED);
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", PUSHED, "b", "3 in Cognito"));
    }

    /** As above, the write-back's copy read by a switched device's own import before the watermark moves. */
    @Test
    void aDeviceImportDoesNotTakeTheWriteBacksCopyLandedBesideAnotherCognitoWrite() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS,
                pushingBeforeTheUpdate(app, () -> app.cognitoPutAsApp("prefs", "b", "3 in Cognito")),
                importingAfterTheUpdate(app, identity)).migrate(identity);

        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).isEqualTo(PUSHED);
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", PUSHED, "b", "3 in Cognito"));
    }

    /**
     * A device still on Cognito Sync changes a key after a switched device pushed it, later, while the write-back's
     * mark stands, and a switched device imports it: a change Cognito records as the identity's own is never taken for
     * the write-back's, so the later one wins, on both sides, and the write-back writes nothing over it.
     */
    @Test
    void aLaterChangeFromADeviceOnCognitoIsNeverTakenForTheWriteBacksOwn() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS, pushingBeforeTheUpdate(app, () -> {
            app.cognitoPutAsApp("prefs", "a", "4 later in Cognito");
            importCognitoChanges(app, identity, "prefs");
        }), (o, r) -> { }).migrate(identity);

        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).isEqualTo("4 later in Cognito");
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", "4 later in Cognito", "b", "2"));
        assertThat(marked(identity)).isFalse();
    }

    /**
     * The write-back's answer is lost (its mark stands), then Cognito gets many changes, which the next pass applies
     * in several revisions, with a push between two of them: every revision but the last keeps the mark, so the pass,
     * planning again after the push, still keeps the push of a over the write-back's own copy.
     */
    @Test
    void aPassInSeveralRevisionsKeepsTheMarkUntilItsWatermarkMoves() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());
        assertThatThrownBy(() -> cutover.writeBackAround(ConflictPolicy.LATER_WINS, pushingBeforeTheUpdate(app),
                ANSWER_LOST).migrate(identity)).hasMessageContaining("the connection dropped");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            many.put("k" + i, "v" + i);
        }
        app.cognitoPush(app.identityId(), "prefs", many);
        AtomicBoolean between = new AtomicBoolean();

        cutover.passTransacting(false, () -> {
            if (between.compareAndSet(false, true)) {
                app.appSyncPut("prefs", "z", "pushed between two revisions");
            }
        }).migrate(identity);

        assertThat(between).isTrue();
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).isEqualTo(PUSHED);
        assertThat(app.appSyncRecords("prefs", 0)).containsKeys("k0", "k299", "z");
    }

    /**
     * A switched device imports the write-back's write before the watermark moves, and nobody pushed since the read:
     * the next attempt finds nothing left to write and takes the mark off, so a later change a backend of the app
     * makes in Cognito Sync (developer credentials) is settled as usual, not held back.
     */
    @Test
    void aWriteBackWhoseWriteADeviceImportedLeavesNoMark() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS, (o, r) -> { },
                importingAfterTheUpdate(app, identity)).migrate(identity);
        app.appSyncPut("prefs", "a", "5 pushed on AppSync after the write-back");
        app.cognitoPut("prefs", "a", "6 from a backend in Cognito, later");
        importCognitoChanges(app, identity, "prefs");

        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(marked(identity)).isFalse();
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText())
                .isEqualTo("6 from a backend in Cognito, later");
    }

    /**
     * The write-back's answer is lost, so its mark stands; then Cognito Sync deletes the dataset, which devices changed
     * on AppSync since the last pass: the next pass settles the bare deletion for AppSync on the marked item (its write
     * is conditioned on the item as read, mark included) and keeps the data.
     */
    @Test
    void aCognitoDeletionOfAMarkedDatasetIsSettledByTheNextPass() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());
        assertThatThrownBy(() -> cutover.writeBackAround(ConflictPolicy.LATER_WINS, pushingBeforeTheUpdate(app),
                ANSWER_LOST).migrate(identity)).hasMessageContaining("the connection dropped");
        assertThat(marked(identity)).isTrue();
        app.cognitoDelete("prefs");

        IdentityOutcome next = delta(app.identityId());

        assertThat(outcome(next, "prefs").failure()).as("%s", next).isNull();
        assertThat(outcome(next, "prefs").conflicts()).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isFalse());
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).isEqualTo(PUSHED);
    }

    /**
     * A device deletes the dataset on AppSync after the write-back read the store and before its UpdateRecords, whose
     * answer is lost: the next pass does not take the write-back's own copy of the dataset, dated later, for a Cognito
     * change that would bring the dataset back, and lists the deletion as kept.
     */
    @Test
    void aDatasetDeletedOnAppSyncDuringTheWriteBackIsNotBroughtBackByItsOwnCopy() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());
        AtomicBoolean deleted = new AtomicBoolean();
        BiConsumer<String, SdkRequest> deleting = (operation, request) -> {
            if (operation.equals("UpdateRecords") && deleted.compareAndSet(false, true)) {
                app.appSyncDelete("prefs");
            }
        };
        assertThatThrownBy(() -> cutover.writeBackAround(ConflictPolicy.LATER_WINS, deleting, ANSWER_LOST)
                .migrate(identity)).hasMessageContaining("the connection dropped");

        IdentityOutcome next = delta(app.identityId());
        IdentityOutcome back = cutover.writeBack().migrate(identity);

        assertThat(outcome(next, "prefs").conflicts()).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isFalse());
        assertThat(app.page("prefs", 0).exists()).isFalse();
        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(app.cognitoRecords("prefs").values()).allSatisfy(r -> assertThat(r.value()).isNull());
    }

    /**
     * A device deletes the dataset on AppSync and creates it again with a only, after the write-back read the store,
     * and a switched device then tries to import the write-back's write: the store refuses ({@code DatasetDeleted}: the
     * dataset was deleted on AppSync since the last import, which the client leaves to the migrator), so b, which the
     * new incarnation lacks, is not brought back by the write-back's copy of the old one; the next write-back gives
     * Cognito the new incarnation, as it gives it any change made on AppSync after a write-back read it.
     */
    @Test
    void aKeyTheDatasetCreatedAgainLacksIsNotBroughtBackByTheWriteBacksCopy() {
        Device app = changedOnAppSync();
        app.appSyncPut("prefs", "b", "3 on AppSync");
        IdentityId identity = new IdentityId(app.identityId());
        AtomicBoolean recreated = new AtomicBoolean();
        BiConsumer<String, SdkRequest> recreating = (operation, request) -> {
            if (operation.equals("UpdateRecords") && recreated.compareAndSet(false, true)) {
                app.appSyncDelete("prefs");
                app.appSyncPut("prefs", "a", "new incarnation");
            }
        };
        AtomicReference<String> importAnswer = new AtomicReference<>();
        BiConsumer<String, SdkRequest> importing = (operation, request) -> {
            if (operation.equals("UpdateRecords") && importAnswer.get() == null) {
                importAnswer.set(importRefusal(app, identity));
            }
        };

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS, recreating, importing)
                .migrate(identity);
        Map<String, String> cognitoAfterFirst = values(app, "prefs");
        IdentityOutcome again = cutover.writeBack(ConflictPolicy.LATER_WINS).migrate(identity);

        assertThat(recreated).isTrue();
        assertThat(importAnswer.get()).as("the switched device's import").contains("\"reason\":\"DatasetDeleted\"");
        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).isEqualTo("new incarnation");
        assertThat(app.appSyncRecords("prefs", 0)).doesNotContainKey("b");
        assertThat(again.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
        assertThat(values(app, "prefs")).as("Cognito's after the next write-back (after the first: %s)",
                cognitoAfterFirst).isEqualTo(Map.of("a", "new incarnation"));
    }

    /** {@link #importCognitoChanges}'s refusal by the store, or "imported" when it was not refused. */
    private static String importRefusal(Device app, IdentityId identity) {
        try {
            importCognitoChanges(app, identity, "prefs");
            return "imported";
        } catch (AssertionError refused) {
            return String.valueOf(refused.getMessage());
        }
    }

    /**
     * Cognito applies the write-back's UpdateRecords but answers with a server error, so the SDK's retry sends the
     * same UpdateRecords again, which Cognito refuses (the records' counts moved with the first): the write stands in
     * Cognito, and the write-back keeps its mark, so the next attempt does not take that write's copy of the older
     * value, dated later, over a push made between the read and the write.
     */
    @Test
    void aPushDuringTheWriteBackSurvivesAnUpdateRecordsTheSdkRetriedAfterItLanded() {
        Device app = changedOnAppSync();
        IdentityId identity = new IdentityId(app.identityId());
        BiConsumer<String, SdkRequest> pushing = pushingBeforeTheUpdate(app);
        AtomicBoolean failed = new AtomicBoolean();
        ExecutionInterceptor answerLostOnce = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                pushing.accept(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request());
            }

            @Override
            public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
                    ExecutionAttributes attributes) {
                if ("UpdateRecords".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                        && failed.compareAndSet(false, true)) {
                    return context.httpResponse().toBuilder().statusCode(500)
                            .putHeader("x-amzn-ErrorType", "InternalErrorException").build();
                }
                return context.httpResponse();
            }
        };

        IdentityOutcome back = cutover.writeBackIntercepting(ConflictPolicy.LATER_WINS, answerLostOnce)
                .migrate(identity);

        assertThat(failed).isTrue();
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).as("%s", back).isEqualTo(PUSHED);
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", PUSHED, "b", "2"));
    }

    /**
     * A device creates again on AppSync a dataset the write-back is deleting in Cognito Sync, after the write-back read
     * the store and before its DeleteDataset, whose answer is lost: the store recorded the deletion as seen before it
     * was made, so the next pass, even under keep-cognito, does not take it for a deletion made in Cognito and keeps
     * the new dataset.
     */
    @Test
    void aDatasetCreatedAgainOnAppSyncWhileTheWriteBackDeletesItSurvivesTheNextPass() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1", "b", "2"));
        full(app.identityId());
        app.appSyncDelete("prefs");
        IdentityId identity = new IdentityId(app.identityId());
        AtomicBoolean recreated = new AtomicBoolean();
        BiConsumer<String, SdkRequest> recreating = (operation, request) -> {
            if (operation.equals("DeleteDataset") && recreated.compareAndSet(false, true)) {
                app.appSyncPut("prefs", "a", "created again on AppSync");
            }
        };
        BiConsumer<String, SdkRequest> deleteAnswerLost = (operation, request) -> {
            if (operation.equals("DeleteDataset")) {
                throw new IllegalStateException("the connection dropped before the answer");
            }
        };
        assertThatThrownBy(() -> cutover.writeBackAround(ConflictPolicy.KEEP_COGNITO, recreating, deleteAnswerLost)
                .migrate(identity)).hasMessageContaining("the connection dropped");

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(identity);
        IdentityOutcome back = cutover.writeBack(ConflictPolicy.KEEP_COGNITO).migrate(identity);

        assertThat(cognitoExists(app, "prefs")).as("created again there by the last write-back").isTrue();
        assertThat(app.appSyncRecords("prefs", 0).get("a").path("value").asText()).as("%s", next)
                .isEqualTo("created again on AppSync");
        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(values(app, "prefs")).isEqualTo(Map.of("a", "created again on AppSync"));
    }

    /**
     * An app on Cognito Sync writes the very value the write-back is about to give a key, so Cognito refuses the
     * write-back's UpdateRecords: that value, written as the identity, is not taken for the write-back's own (no mark
     * is kept for it, and nothing is counted as written back).
     */
    @Test
    void aRefusedWriteIsNotTakenForLandedWhenAnAppWroteTheSameValue() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1", "b", "2"));
        full(app.identityId());
        app.appSyncPut("prefs", "a", "dark");
        IdentityId identity = new IdentityId(app.identityId());
        AtomicBoolean wrote = new AtomicBoolean();
        BiConsumer<String, SdkRequest> sameValueOnCognito = (operation, request) -> {
            if (operation.equals("UpdateRecords") && wrote.compareAndSet(false, true)) {
                app.cognitoPutAsApp("prefs", "a", "dark");
            }
        };

        IdentityOutcome back = cutover.writeBackAround(ConflictPolicy.LATER_WINS, sameValueOnCognito,
                (operation, request) -> { }).migrate(identity);

        assertThat(wrote).isTrue();
        assertThat(outcome(back, "prefs").failure()).isNull();
        assertThat(outcome(back, "prefs").writtenBack()).as("nothing was written into Cognito: %s", back).isNull();
        assertThat(marked(identity)).isFalse();
    }

    private static boolean marked(IdentityId identity) {
        return cutover.table().datasets(identity).get(new DatasetName("prefs")).writeBack() != null;
    }

    /** A device's dataset {@code prefs} (a, b) copied by a full pass, then a changed on AppSync: to write back. */
    private static Device changedOnAppSync() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1", "b", "2"));
        full(app.identityId());
        app.appSyncPut("prefs", "a", "2 on AppSync");
        return app;
    }

    /** Just before the write-back's first UpdateRecords, {@code app} pushes {@link #PUSHED} to a on AppSync. */
    private static BiConsumer<String, SdkRequest> pushingBeforeTheUpdate(Device app) {
        return pushingBeforeTheUpdate(app, () -> { });
    }

    /** As {@link #pushingBeforeTheUpdate(Device)}, then runs {@code then}. */
    private static BiConsumer<String, SdkRequest> pushingBeforeTheUpdate(Device app, Runnable then) {
        AtomicBoolean pushed = new AtomicBoolean();
        return (operation, request) -> {
            if (operation.equals("UpdateRecords") && pushed.compareAndSet(false, true)) {
                app.appSyncPut("prefs", "a", PUSHED);
                then.run();
            }
        };
    }

    /** Once the write-back's first UpdateRecords is answered, a switched device imports Cognito's changes. */
    private static BiConsumer<String, SdkRequest> importingAfterTheUpdate(Device app, IdentityId identity) {
        AtomicBoolean imported = new AtomicBoolean();
        return (operation, request) -> {
            if (operation.equals("UpdateRecords") && imported.compareAndSet(false, true)) {
                importCognitoChanges(app, identity, "prefs");
            }
        };
    }

    /** What a device in cutover mode does on its next synchronize: imports Cognito's changes after the watermark. */
    private static void importCognitoChanges(Device app, IdentityId identity, String dataset) {
        long watermark = cutover.table().datasets(identity).get(new DatasetName(dataset)).sourceWatermark().value();
        List<Record> changed = app.cognitoRecords(dataset).values().stream().filter(r -> r.syncCount() > watermark)
                .sorted(Comparator.comparing(Record::syncCount)).toList();
        app.appSyncImport(dataset, watermark, changed, changed.get(changed.size() - 1).syncCount(), true);
    }
}
