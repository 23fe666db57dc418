package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.RecordKey;
import dev.syncshift.migrator.CutoverScenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Review of b8f2626 (a merged copy a device deletes and starts again on AppSync; a merged copy's unmarked head taken
 * for AppSync's write whatever its count). Each test fails on b8f2626 for the reason its javadoc gives.
 */
class MergedCopyReviewTest extends CutoverScenario {

    private static final RecordKey FONT = new RecordKey("font");

    /**
     * A device pushes {@code font} to a merged copy on AppSync; a write-back (keep-appsync) gives Cognito that value,
     * so both sides hold it and nothing is left to settle ("A write-back gives Cognito AppSync's value, which ends the
     * listing", docs/migrator.md, merged copy bullet). The user, back on Cognito Sync, then changes {@code font}
     * there. Nobody wrote the copy on AppSync since the write-back, so a user expects the next pass to bring that
     * change, whatever the policy, and to list no conflict ("Devices wrote on AppSync since the last pass ... Changes
     * made on both sides are settled by the ConflictPolicy": only changes made on both sides). At b8f2626 the device's
     * old push, whose head carries no import mark, is taken for an AppSync write made since, so keep-appsync keeps
     * the stale value over the user's Cognito change and lists "record changed on both sides since the last pass"
     * (and a later write-back would then write the stale value over the user's change in Cognito Sync).
     */
    @Test
    void aCognitoChangeAfterAWriteBackOfAMergedCopyIsApplied() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("rv-mc1-into", "rv-mc1-from");
        WriteBackMergedCopyTest.pushOnAppSync(merged.survivor(), merged.copy(), FONT, "sans on AppSync");
        IdentityOutcome back = cutover.writeBack(ConflictPolicy.KEEP_APPSYNC).migrate(merged.survivor());
        assertThat(back.datasets()).allSatisfy(d -> assertThat(d.failure()).isNull());
        assertThat(cognitoValues(merged)).containsEntry("font", "sans on AppSync");
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(),
                Map.of("font", "on Cognito after the write-back"));

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(merged.survivor());

        assertThat(WriteBackMergedCopyTest.storedFont(merged)).as("font after the pass (%s)", pass.datasets())
                .isEqualTo("on Cognito after the write-back");
        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).as("conflicts listed").isEmpty();
    }

    /**
     * A merged copy a device deletes and starts again on AppSync, while the user changes {@code font} in Cognito Sync
     * after the re-creation: keep-appsync keeps the new incarnation, a dataset-level conflict. The report's record
     * counts must say so: "a conflict over a whole dataset kept for AppSync keeps every record of it that the pass
     * read" (docs/migrator.md, "Report and observability"), and written, current and kept add up to the records read
     * (both of Cognito's: theme and font). At b8f2626 the removals the pass writes to record the device's deletion
     * are counted as Cognito's records written, and the kept ones as current too: 2 written, 2 current, 0 kept, four
     * records for the two read.
     */
    @Test
    void aNewIncarnationKeptForAppSyncCountsTheRecordsReadAsKept() {
        WriteBackMergedCopyTest.Merged merged = recreated("rv-mc2-into", "rv-mc2-from");
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(), Map.of("font", "on Cognito"));

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(merged.survivor());

        assertThat(pass.datasets()).singleElement().satisfies(d -> {
            assertThat(d.conflicts()).singleElement().satisfies(c -> assertThat(c.cognitoWon()).isFalse());
            assertThat(List.of(d.recordsWritten(), d.recordsCurrent(), d.recordsKept()))
                    .as("written, current, kept (%s)", d).isEqualTo(List.of(0L, 0L, 2L));
        });
    }

    /**
     * As {@link #aCognitoChangeAfterAWriteBackOfAMergedCopyIsApplied} under later-wins: the user's Cognito change is
     * applied, but nobody changed the key on AppSync since the write-back, so a user expects no conflict to be listed
     * (a conflict is a change "made on both sides", docs/migrator.md). At b8f2626 the pass lists "record changed on
     * both sides since the last pass" for it.
     */
    @Test
    void aCognitoChangeAfterAWriteBackOfAMergedCopyIsNoConflict() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("rv-mc3-into", "rv-mc3-from");
        WriteBackMergedCopyTest.pushOnAppSync(merged.survivor(), merged.copy(), FONT, "sans on AppSync");
        IdentityOutcome back = cutover.writeBack(ConflictPolicy.LATER_WINS).migrate(merged.survivor());
        assertThat(back.datasets()).allSatisfy(d -> assertThat(d.failure()).isNull());
        assertThat(cognitoValues(merged)).containsEntry("font", "sans on AppSync");
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(),
                Map.of("font", "on Cognito after the write-back"));

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        assertThat(WriteBackMergedCopyTest.storedFont(merged)).isEqualTo("on Cognito after the write-back");
        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).as("conflicts listed").isEmpty();
    }

    /**
     * A merged copy a device deletes and starts again on AppSync, nobody changing it in Cognito Sync: the pass (later
     * wins) keeps the new incarnation and writes no Cognito change, its removals only recording the device's own
     * deletion. The report must not say that Cognito's two records were written: "records (written, already current,
     * ...)" count Cognito's records (docs/migrator.md, "Report and observability"; a pass's own removals "are not
     * counted among the records written or current, which are Cognito's", "Deletions"), and a user reading "2 records
     * written" for a dataset nobody changed in Cognito Sync would look for a change that was never made. Expected:
     * nothing written, both records current (the store holds a newer AppSync version of each: the device's deletion).
     */
    @Test
    void aKeptIncarnationWritesNoneOfCognitosRecords() {
        WriteBackMergedCopyTest.Merged merged = recreated("rv-mc6-into", "rv-mc6-from");

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        assertThat(RecreatedMergedCopyTest.live(merged)).isEqualTo(Map.of("fresh", "new"));
        assertThat(pass.datasets()).singleElement().satisfies(d -> assertThat(List.of(d.recordsWritten(),
                d.recordsCurrent(), d.recordsKept())).as("written, current, kept (%s)", d)
                .isEqualTo(List.of(0L, 2L, 0L)));
    }

    /**
     * A device deletes a merged copy on AppSync (after the pass that copied it), and the user then changes {@code font}
     * in Cognito Sync. "A dataset deleted on one side and changed on the other is a dataset-level conflict:
     * {@code keep-cognito} applies Cognito's side" (docs/migrator.md, "Deletions"), so a user of keep-cognito expects
     * the copy back on AppSync with Cognito's data ({@code theme}, the new {@code font}) and the conflict listed.
     * The pass tells a Cognito change to a deleted dataset by count alone, and a merged copy's later change takes a
     * count below its records' (the watermark): the deletion is kept, silently, and the change never arrives.
     */
    @Test
    void aCognitoChangeAfterADeviceDeletedAMergedCopyIsAConflict() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("rv-mc8-into", "rv-mc8-from");
        WriteBackMergedCopyTest.deleteOnAppSync(merged);
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(), Map.of("font", "on Cognito"));

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(merged.survivor());

        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).as("conflicts listed (%s)", pass.datasets())
                .singleElement().satisfies(c -> assertThat(c.cognitoWon()).isTrue());
        assertThat(RecreatedMergedCopyTest.stored(merged).deleted()).as("deleted on AppSync after the pass").isFalse();
        assertThat(RecreatedMergedCopyTest.live(merged)).isEqualTo(Map.of("theme", "dark", "font", "on Cognito"));
    }

    /**
     * A merged copy a device deletes and starts again on AppSync, before any pass: AppSync holds it ahead of Cognito
     * Sync, so {@code verify} must report no mismatch ("a dataset AppSync holds ahead of Cognito Sync, whose
     * differences are revisions, not mismatches", docs/migrator.md, "Report and observability"; a plain dataset a
     * device starts again verifies clean). At b8f2626 verify plans the removals that record the device's deletion and
     * reports "the store is behind Cognito Sync: a pass would write 2 records".
     */
    @Test
    void aMergedCopyStartedAgainOnAppSyncIsNoMismatch() {
        WriteBackMergedCopyTest.Merged merged = recreated("rv-mc9-into", "rv-mc9-from");

        IdentityOutcome verified = cutover.verifier().migrate(merged.survivor());

        assertThat(verified.datasets()).singleElement().satisfies(d -> assertThat(d.mismatches())
                .as("mismatches of %s", d).isEmpty());
    }

    /** A merged copy ({@code theme}, {@code font}), copied by a full pass, a device deletes and starts again. */
    private static WriteBackMergedCopyTest.Merged recreated(String into, String from) {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy(into, from);
        WriteBackMergedCopyTest.deleteOnAppSync(merged);
        RecreatedMergedCopyTest.pushOnAppSync(merged, "fresh", "new");
        return merged;
    }

    private static Map<String, String> cognitoValues(WriteBackMergedCopyTest.Merged merged) {
        Map<String, String> values = new HashMap<>();
        cutover.syncClient().listRecords(r -> r.identityPoolId(cutover.pool().value())
                .identityId(merged.survivor().value()).datasetName(merged.copy().value())).records().stream()
                .filter(r -> r.value() != null).forEach(r -> values.put(r.key(), r.value()));
        return values;
    }
}
