package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.RecordKey;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.report.Tally;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A merged copy's key changed on AppSync alone is listed as a conflict by the pass that first finds it (its count
 * cannot say whether Cognito changed it too), and by no pass after it: neither side changed it since that pass kept
 * AppSync's value. Every pass and write-back listed it again, and a write-back twice.
 */
class MergedCopyConflictsTest extends CutoverScenario {

    private static final RecordKey FONT = new RecordKey("font");

    @Test
    void anAppSyncChangeToAMergedCopyIsListedByTheFirstPassAlone() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("mc-into", "mc-from");
        WriteBackMergedCopyTest.pushOnAppSync(merged.survivor(), merged.copy(), FONT, "sans on AppSync");

        assertThat(conflicts(cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor())))
                .as("the pass that finds it").isEqualTo(1);
        assertThat(conflicts(cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor())))
                .as("the next delta pass").isZero();
        assertThat(conflicts(cutover.migrator(true, ConflictPolicy.KEEP_COGNITO).migrate(merged.survivor())))
                .as("a full pass keeping Cognito's side").isZero();
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(), Map.of("theme", "on Cognito"));
        IdentityOutcome afterCognitoWrite = cutover.migrator(false, ConflictPolicy.LATER_WINS)
                .migrate(merged.survivor());

        assertThat(conflicts(afterCognitoWrite)).as("a pass taking in a Cognito change to another key").isZero();
        assertThat(Tally.of(afterCognitoWrite).recordsWritten()).isEqualTo(1);
        assertThat(WriteBackMergedCopyTest.storedFont(merged)).isEqualTo("sans on AppSync");
    }

    @Test
    void aWriteBackListsAnAppSyncChangeToAMergedCopyOnce() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("mc2-into", "mc2-from");
        WriteBackMergedCopyTest.pushOnAppSync(merged.survivor(), merged.copy(), FONT, "sans on AppSync");

        IdentityOutcome back = cutover.writeBack().migrate(merged.survivor());

        assertThat(Tally.of(back).recordsWrittenBack()).isEqualTo(1);
        assertThat(conflicts(back)).as("%s", back).isEqualTo(1);
    }

    /** A Cognito change to the same key, later than AppSync's, is still a conflict, settled by the policy. */
    @Test
    void aLaterCognitoChangeToTheSameKeyIsStillAConflict() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("mc3-into", "mc3-from");
        WriteBackMergedCopyTest.pushOnAppSync(merged.survivor(), merged.copy(), FONT, "sans on AppSync");
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(), Map.of("font", "on Cognito"));

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        assertThat(pass.datasets()).singleElement().satisfies(d -> assertThat(d.conflicts()).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isTrue()));
        assertThat(WriteBackMergedCopyTest.storedFont(merged)).isEqualTo("on Cognito");
    }

    private static long conflicts(IdentityOutcome outcome) {
        return Tally.of(outcome).conflicts();
    }
}
