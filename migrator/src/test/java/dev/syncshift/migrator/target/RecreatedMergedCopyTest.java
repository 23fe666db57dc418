package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.core.layout.WriteAction;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A merged copy ({@code <dataset>.<identityId>}) that a switched device deletes on AppSync and starts again there.
 * Every pass reads such a copy whole and finds its changes by content, so the records the device deleted must not be
 * taken for Cognito's changes: the new incarnation stays as the device left it, a change Cognito got since is a
 * dataset-level conflict settled by the policy, and a later Cognito change is merged key by key.
 */
class RecreatedMergedCopyTest extends CutoverScenario {

    /** The merged copy's records as Cognito holds them ({@link WriteBackMergedCopyTest#mergedCopy}). */
    private static final Map<String, String> COGNITO = Map.of("theme", "dark", "font", "mono");

    /**
     * Nobody changes the copy in Cognito Sync: two passes (later wins) leave the device's new incarnation as it is,
     * and list no conflict.
     */
    @Test
    void aCopyStartedAgainOnAppSyncKeepsItsNewIncarnationAtEveryPass() {
        WriteBackMergedCopyTest.Merged merged = recreated("rmc1-into", "rmc1-from");

        IdentityOutcome first = pass(merged, ConflictPolicy.LATER_WINS);
        Map<String, String> afterFirst = live(merged);
        IdentityOutcome second = pass(merged, ConflictPolicy.LATER_WINS);

        assertThat(List.of(afterFirst, live(merged))).as("the copy on AppSync after the first pass (%s) and the "
                + "second (%s)", first.datasets(), second.datasets())
                .isEqualTo(List.of(Map.of("fresh", "new"), Map.of("fresh", "new")));
        assertThat(List.of(first, second)).flatMap(IdentityOutcome::datasets).flatMap(DatasetOutcome::conflicts)
                .as("conflicts listed").isEmpty();
    }

    /**
     * The user changes {@code font} in Cognito Sync after the re-creation; keep-appsync keeps the new incarnation and
     * lists the dataset-level conflict once; the next pass changes nothing and lists nothing.
     */
    @Test
    void aCognitoChangeSinceIsAConflictThatKeepAppSyncSettlesOnce() {
        WriteBackMergedCopyTest.Merged merged = recreated("rmc2-into", "rmc2-from");
        editFontOnCognito(merged);

        IdentityOutcome first = pass(merged, ConflictPolicy.KEEP_APPSYNC);
        IdentityOutcome second = pass(merged, ConflictPolicy.KEEP_APPSYNC);

        assertThat(live(merged)).as("the copy on AppSync after two passes (%s, %s)", first.datasets(),
                second.datasets()).isEqualTo(Map.of("fresh", "new"));
        assertThat(first.datasets()).flatMap(DatasetOutcome::conflicts).singleElement()
                .satisfies(c -> assertThat(c.key()).isNull()).satisfies(c -> assertThat(c.cognitoWon()).isFalse());
        assertThat(second.datasets()).flatMap(DatasetOutcome::conflicts).as("conflicts of the second pass").isEmpty();
    }

    /** As above under keep-cognito: Cognito's copy replaces the new incarnation. */
    @Test
    void aCognitoChangeSinceIsAConflictThatKeepCognitoSettlesForCognito() {
        WriteBackMergedCopyTest.Merged merged = recreated("rmc3-into", "rmc3-from");
        editFontOnCognito(merged);

        IdentityOutcome pass = pass(merged, ConflictPolicy.KEEP_COGNITO);

        assertThat(live(merged)).as("the copy on AppSync after the pass (%s)", pass.datasets())
                .isEqualTo(Map.of("theme", "dark", "font", "on Cognito"));
        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).singleElement()
                .satisfies(c -> assertThat(c.key()).isNull()).satisfies(c -> assertThat(c.cognitoWon()).isTrue());
    }

    /**
     * Once a pass kept the new incarnation, a change the user makes in Cognito Sync to a key the device deleted is a
     * change like any other: the next pass merges it, and the other deleted key stays deleted.
     */
    @Test
    void aLaterCognitoChangeToADeletedKeyIsMerged() {
        WriteBackMergedCopyTest.Merged merged = recreated("rmc4-into", "rmc4-from");
        pass(merged, ConflictPolicy.LATER_WINS);
        editFontOnCognito(merged);

        IdentityOutcome next = pass(merged, ConflictPolicy.LATER_WINS);

        assertThat(live(merged)).as("the copy on AppSync after the pass (%s)", next.datasets())
                .isEqualTo(Map.of("fresh", "new", "font", "on Cognito"));
        assertThat(next.datasets()).flatMap(DatasetOutcome::conflicts).as("conflicts listed").isEmpty();
    }

    /**
     * A copy of 150 records started again on AppSync: the pass keeping the new incarnation records the device's
     * deletion of each in more than one transaction, and is stopped after the first. The next pass completes it: none
     * of the 150 comes back, then or at the pass after.
     */
    @Test
    void aStoppedPassKeepingTheNewIncarnationIsCompleted() {
        Device device = cutover.newDevice();
        String survivor = cutover.developerIdentity("rmc5-into");
        String from = cutover.developerIdentity("rmc5-from");
        device.cognitoPush(from, "prefs", many(150));
        cutover.merge("rmc5-from", "rmc5-into");
        IdentityId id = new IdentityId(survivor);
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id);
        WriteBackMergedCopyTest.Merged merged = new WriteBackMergedCopyTest.Merged(device, id,
                new DatasetName("prefs." + from));
        startAgainOnAppSync(merged);

        assertThatThrownBy(() -> cutover.passTransacting(false, () -> {
            throw new IllegalStateException("stopped");
        }).migrate(id)).hasStackTraceContaining("stopped");
        IdentityOutcome next = pass(merged, ConflictPolicy.KEEP_COGNITO);
        Map<String, String> afterNext = live(merged);
        IdentityOutcome last = pass(merged, ConflictPolicy.KEEP_COGNITO);

        assertThat(List.of(afterNext, live(merged))).as("the copy on AppSync after the passes following the stopped "
                + "one (%s, %s)", next.datasets(), last.datasets())
                .isEqualTo(List.of(Map.of("fresh", "new"), Map.of("fresh", "new")));
    }

    /** A merged copy ({@link #COGNITO}), copied by a full pass, which a switched device deletes and starts again. */
    private static WriteBackMergedCopyTest.Merged recreated(String into, String from) {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy(into, from);
        assertThat(live(merged)).isEqualTo(COGNITO);
        startAgainOnAppSync(merged);
        return merged;
    }

    /** The copy deleted on AppSync and started again there with {@code fresh}. */
    private static void startAgainOnAppSync(WriteBackMergedCopyTest.Merged merged) {
        WriteBackMergedCopyTest.deleteOnAppSync(merged);
        pushOnAppSync(merged, "fresh", "new");
    }

    private static void editFontOnCognito(WriteBackMergedCopyTest.Merged merged) {
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(), Map.of("font", "on Cognito"));
    }

    private static IdentityOutcome pass(WriteBackMergedCopyTest.Merged merged, ConflictPolicy policy) {
        return cutover.migrator(false, policy).migrate(merged.survivor());
    }

    /**
     * A switched device's push of a new key to the copy, written as writePush.js writes it: the count up by one, the
     * dataset live again in its generation (created again, now, when deleted), renumbered, {@code importedAt} kept.
     */
    static void pushOnAppSync(WriteBackMergedCopyTest.Merged merged, String key, String value) {
        StoredDataset meta = stored(merged);
        String partition = SyncStoreLayout.recordPartition(merged.survivor(), merged.copy(), meta.generation());
        SyncCount next = meta.metadata().syncCount().next();
        Instant now = Instant.now();
        Record pushed = new Record(new RecordKey(key), value, next, now, merged.survivor().value(), null);
        DatasetMetadata m = meta.metadata();
        boolean live = !meta.deleted();
        StoredDataset after = new StoredDataset(new DatasetMetadata(m.key(), live ? m.creationDate() : now, now,
                merged.survivor().value(), (live ? m.dataStorage() : 0) + pushed.storageBytes(),
                (live ? m.numRecords() : 0) + 1, next), false, meta.generation(), meta.sourceWatermark(), true,
                meta.sourceDeletedAt(), null, meta.importedAt());
        List<WriteAction> actions = new ArrayList<>();
        actions.add(new PutAction(DatasetItems.toItem(after), ImportTransactions.unchanged(meta)));
        actions.addAll(ImportTransactions.recordActions(partition, pushed, ImportTransactions.stillAt(null), 0));
        assertThat(cutover.table().write(actions)).isEmpty();
    }

    static StoredDataset stored(WriteBackMergedCopyTest.Merged merged) {
        StoredDataset meta = cutover.table().datasets(merged.survivor()).get(merged.copy());
        assertThat(meta).isNotNull();
        return meta;
    }

    /** The live values the store holds in the copy's current generation. */
    static Map<String, String> live(WriteBackMergedCopyTest.Merged merged) {
        StoredDataset meta = stored(merged);
        Map<String, String> values = new HashMap<>();
        cutover.table().records(SyncStoreLayout.recordPartition(merged.survivor(), merged.copy(), meta.generation()))
                .values().stream().filter(r -> !r.isTombstone()).forEach(r -> values.put(r.key().value(), r.value()));
        return values;
    }
}
