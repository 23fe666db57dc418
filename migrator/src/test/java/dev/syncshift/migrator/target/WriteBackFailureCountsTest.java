package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.report.Tally;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What a write-back wrote into Cognito Sync is counted even when a later attempt on the same dataset fails
 * with an exception (here the import of a Cognito write that landed beside the write-back's own, holding text
 * DynamoDB cannot store).
 */
class WriteBackFailureCountsTest extends WriteBackScenario {

    @Test
    void recordsWrittenBackBeforeALaterAttemptFailsAreStillCounted() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1", "b", "2"));
        full(app.identityId());
        app.appSyncPut("prefs", "a", "1 on AppSync");
        AtomicBoolean raced = new AtomicBoolean();

        IdentityOutcome back = cutover.writeBackBeforeCalls((operation, request) -> {
            if (operation.equals("UpdateRecords") && raced.compareAndSet(false, true)) {
                // a device still on Cognito Sync writes another key just before the write-back's UpdateRecords, which
                // then lands beside it
                app.cognitoPut("prefs", "b", "cut \ud83d");
            }
        }).migrate(new IdentityId(app.identityId()));

        assertThat(raced).isTrue();
        // the write-back's UpdateRecords landed: Cognito Sync holds AppSync's value of a
        assertThat(values(app, "prefs")).containsEntry("a", "1 on AppSync");
        DatasetOutcome prefs = outcome(back, "prefs");
        assertThat(prefs.failure()).contains("not valid Unicode");
        assertThat(prefs.writtenBack()).as("what the write-back wrote into Cognito Sync")
                .isEqualTo(new DatasetOutcome.WrittenBack(1, false));
        Tally tally = Tally.of(back);
        assertThat(tally.datasetsWrittenBack()).isEqualTo(1);
        assertThat(tally.recordsWrittenBack()).isEqualTo(1);
    }
}
