package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.id;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.UnfinishedFirstCopyPassTest.pushedUnfinishedCopy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verify over a pushed unfinished first copy of a dataset the user deleted on Cognito Sync: the removals a pass would
 * still make (the copy's records, which AppSync serves as live) are what the store is behind by. 91b10fa stopped
 * counting them in a revision plan's recordsWritten, which verify's message read; the message now names them apart.
 */
class FirstCopyRemovalVerifyTest extends CutoverScenario {

    @Test
    void verifyOverAPushedUnfinishedFirstCopyOfADatasetDeletedOnCognitoSaysTheStoreStillHoldsTheCopysRecords() {
        Device phone = pushedUnfinishedCopy();
        phone.cognitoDelete(DATASET);
        List<String> mismatches = mismatches(phone);
        assertThat(mismatches).as("verify's mismatches while AppSync still serves the 99 records of a dataset the "
                + "user deleted on Cognito Sync (a pass would remove them as 99 revisions: %s live on AppSync)",
                liveValues(phone).size())
                .anyMatch(m -> m.contains("a pass would remove 99 records of a dataset Cognito Sync deleted"));
    }

    @Test
    void verifyOverAPushedUnfinishedFirstCopyOfADatasetDeletedAndStartedAgainOnCognitoCountsTheRemovals() {
        Device phone = pushedUnfinishedCopy();
        phone.cognitoDelete(DATASET);
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("k1", "again", "fresh", "new"));
        List<String> mismatches = mismatches(phone);
        assertThat(mismatches).as("verify's mismatches while AppSync still serves 98 records of the incarnation the "
                + "user deleted on Cognito Sync, besides the 2 Cognito changes a pass would write")
                .anyMatch(m -> m.contains("would write 2 records and remove 98 records"));
    }

    private static List<String> mismatches(Device phone) {
        IdentityOutcome verify = cutover.verifier().migrate(id(phone));
        assertThat(verify.datasets()).hasSize(1);
        return verify.datasets().get(0).mismatches();
    }
}
