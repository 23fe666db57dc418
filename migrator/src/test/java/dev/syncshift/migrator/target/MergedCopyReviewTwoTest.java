package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.CutoverScenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Second review of b8f2626, ff04ad3 and 04b38d9 (a merged copy a device deletes, or deletes and starts again, on
 * AppSync; a stopped pass's replacement told by its creation date). Each test fails at 04b38d9 for the reason its
 * javadoc gives. The first two pass at ff04ad3 (regressions of 04b38d9); the third passes its conflict check at
 * b8f2626^, where the re-creation fails otherwise (the deleted records came back, which b8f2626 fixed).
 */
class MergedCopyReviewTwoTest extends CutoverScenario {

    /**
     * A device deletes a merged copy on AppSync; the user then changes {@code font} in Cognito Sync. A keep-appsync
     * pass settles "deleted on AppSync, changed in Cognito Sync since the last pass" for AppSync: the copy stays
     * deleted (docs/migrator.md, "Deletions": "A dataset deleted on one side and changed on the other is a
     * dataset-level conflict"; the merged copy item: "So does a merged copy deleted on AppSync and not started
     * again"). The device then starts the copy again on AppSync with {@code fresh}. A user expects the next pass
     * (keep-appsync, nothing changed in Cognito since) to keep that new incarnation as the device left it: "A merged
     * copy ... would otherwise take each record the device deleted for a change to apply: the pass that keeps such a
     * new incarnation ... writes into it, for each of Cognito's live records it lacks, a removal". At 04b38d9 the
     * pass that listed the conflict moved {@code importedAt} up to the deletion's count, which is the generation a
     * re-creation starts in, so the re-creation is not seen as one: the copy, read whole, is merged key by key into
     * the new incarnation and every record the device deleted ({@code theme}, and the {@code font} the keep-appsync
     * pass refused) comes back. (At ff04ad3 the first pass lists no conflict and writes nothing, so the re-creation is
     * seen as one and kept.)
     */
    @Test
    void aDeletionKeptAgainstACognitoChangeThenStartedAgainKeepsTheNewIncarnation() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("r2-mc1-into", "r2-mc1-from");
        WriteBackMergedCopyTest.deleteOnAppSync(merged);
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(), Map.of("font", "on Cognito"));
        IdentityOutcome settled = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(merged.survivor());
        assertThat(RecreatedMergedCopyTest.stored(merged).deleted()).isTrue();
        RecreatedMergedCopyTest.pushOnAppSync(merged, "fresh", "new");

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(merged.survivor());

        assertThat(RecreatedMergedCopyTest.live(merged)).as("the copy on AppSync after the pass following its "
                + "re-creation (the item before the pass that settled the deletion %s; the pass %s)",
                settled.datasets(), next.datasets()).isEqualTo(Map.of("fresh", "new"));
    }

    /**
     * After the pass that copied a merged copy, the user changes {@code font} in Cognito Sync several times, then a
     * device deletes the copy on AppSync. A deletion on one side and a change on the other since the last pass is a
     * dataset-level conflict ("Deletions"); keep-cognito applies Cognito's side, so a user expects the copy back with
     * the new {@code font} and the conflict listed. At 04b38d9 a merged copy deleted on AppSync is told changed in
     * Cognito by date alone (a record dated after the deletion): Cognito's changes, made before it, are dropped
     * silently, also those whose count is above the watermark, which 04b38d9^ took for a change.
     */
    @Test
    void cognitoChangesMadeBeforeADeviceDeletedAMergedCopyAreAConflict() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("r2-mc2-into", "r2-mc2-from");
        for (int i = 1; i <= 6; i++) {
            merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(),
                    Map.of("font", "on Cognito " + i));
        }
        WriteBackMergedCopyTest.deleteOnAppSync(merged);

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(merged.survivor());

        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).as("conflicts listed (%s)", pass.datasets())
                .singleElement().satisfies(c -> assertThat(c.cognitoWon()).isTrue());
        assertThat(RecreatedMergedCopyTest.stored(merged).deleted()).as("deleted on AppSync after the pass").isFalse();
        assertThat(RecreatedMergedCopyTest.live(merged)).isEqualTo(Map.of("theme", "dark", "font", "on Cognito 6"));
    }

    /**
     * A device deletes a merged copy on AppSync and starts it again with its own {@code theme}; nobody changes the copy
     * in Cognito Sync. Cognito's {@code theme} differs and is older: AppSync's is kept, and, as the merged copy item
     * of docs/migrator.md says of such a record, "listed as a conflict at every pass". A user expects two passes with
     * nothing changed in between to report the same: at 04b38d9 the first pass (keeping the new incarnation) lists
     * nothing and the second lists the record, a conflict appearing with nothing changed.
     */
    @Test
    void aRecreatedCopyHoldingACognitoKeyReportsTheSameAtEveryPass() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("r2-mc3-into", "r2-mc3-from");
        WriteBackMergedCopyTest.deleteOnAppSync(merged);
        RecreatedMergedCopyTest.pushOnAppSync(merged, "theme", "device");

        IdentityOutcome first = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());
        Map<String, String> afterFirst = RecreatedMergedCopyTest.live(merged);
        IdentityOutcome second = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        assertThat(List.of(afterFirst, RecreatedMergedCopyTest.live(merged)))
                .isEqualTo(List.of(Map.of("theme", "device"), Map.of("theme", "device")));
        assertThat(second.datasets()).flatMap(DatasetOutcome::conflicts).map(Conflict::key)
                .as("conflicts of the first pass (%s) and the second (%s)", first.datasets(), second.datasets())
                .isEqualTo(first.datasets().stream().flatMap(d -> d.conflicts().stream()).map(Conflict::key)
                        .toList());
    }
}
