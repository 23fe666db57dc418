package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.report.Tally;
import org.junit.jupiter.api.Test;

/**
 * A merged copy that a switched device wrote on AppSync differs from Cognito Sync by a revision, not a fault: verify
 * reports no mismatch for it, as for any other dataset devices wrote on AppSync (verify exits 0 when every dataset
 * devices have not written on AppSync since matches). A merged copy is compared by content, so every pass lists the
 * AppSync write as a conflict kept for AppSync and writes the metadata item again; verify took that for "a pass would
 * write it".
 */
class VerifyMergedCopyTest extends CutoverScenario {

    @Test
    void aMergedCopyWrittenOnAppSyncIsNoMismatch() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("rv-into", "rv-from");
        IdentityId id = merged.survivor();
        DatasetName copy = merged.copy();
        assertThat(cutover.verifier().migrate(id).datasets()).as("verify right after the pass")
                .allSatisfy(d -> assertThat(d.mismatches()).isEmpty());

        WriteBackMergedCopyTest.pushOnAppSync(id, copy, new RecordKey("font"), "sans on AppSync");

        IdentityOutcome verified = cutover.verifier().migrate(id);
        DatasetOutcome outcome = verified.datasets().stream().filter(d -> d.dataset().equals(copy)).findFirst()
                .orElseThrow();
        assertThat(outcome.writtenOnAppSync()).as("counted as changed on AppSync").isTrue();
        assertThat(Tally.of(verified).mismatches()).as("mismatches of " + outcome).isZero();
    }

    /**
     * The same copy once delta passes have taken in the AppSync write (AppSync's value kept, as for any dataset): not
     * "behind", though every pass writes the same item again; a plain dataset in that state verifies clean.
     */
    @Test
    void aMergedCopyWhoseAppSyncWriteAPassKeptIsNotSaidToBeBehind() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("rv2-into", "rv2-from");
        IdentityId id = merged.survivor();
        DatasetName copy = merged.copy();
        WriteBackMergedCopyTest.pushOnAppSync(id, copy, new RecordKey("font"), "sans on AppSync");
        cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id);
        cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id);

        IdentityOutcome verified = cutover.verifier().migrate(id);
        DatasetOutcome outcome = verified.datasets().stream().filter(d -> d.dataset().equals(copy)).findFirst()
                .orElseThrow();
        assertThat(outcome.mismatches()).as("mismatches of " + outcome).isEmpty();
    }
}
