package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.report.Tally;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The records a pass read from Cognito Sync whose change a conflict settled for AppSync's side: neither written nor
 * already current, they are counted as kept, so that written, current and kept add up to the records read.
 */
class KeptForAppSyncCountsTest extends CutoverScenario {

    @Test
    void aRecordWhoseConflictKeptAppSyncsChangeIsCountedAmongTheRecordsRead() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "game", Map.of("k1", "c1", "k2", "c2"));
        full(phone.identityId());
        phone.cognitoPut("game", "k1", "cognito");
        phone.cognitoPut("game", "k2", "cognito");
        phone.appSyncPut("game", "k1", "appsync-later");

        IdentityOutcome delta = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC)
                .migrate(new IdentityId(phone.identityId()));

        assertThat(delta.datasets()).flatMap(DatasetOutcome::conflicts).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isFalse());
        Tally tally = Tally.of(delta);
        assertThat(tally.recordsWritten()).isEqualTo(1);
        assertThat(tally.recordsKept()).isEqualTo(1);
        assertThat(tally.records()).as("records read: k1 and k2, both changed in Cognito").isEqualTo(2);
    }

    @Test
    void theRecordsOfADatasetWhoseDeletionOnAppSyncWasKeptAreCountedAsKept() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "gone", Map.of("k1", "c1"));
        full(phone.identityId());
        phone.cognitoPush(phone.identityId(), "gone", Map.of("k1", "cognito", "k2", "cognito"));
        phone.appSyncDelete("gone");

        IdentityOutcome delta = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC)
                .migrate(new IdentityId(phone.identityId()));

        assertThat(delta.datasets()).flatMap(DatasetOutcome::conflicts).singleElement()
                .satisfies(c -> assertThat(c.key()).isNull());
        Tally tally = Tally.of(delta);
        assertThat(tally.recordsWritten()).isZero();
        assertThat(tally.recordsKept()).isEqualTo(2);
        assertThat(tally.records()).as("records read: k1 and k2, both changed in Cognito").isEqualTo(2);
    }

    private static IdentityOutcome full(String identity) {
        return cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(identity));
    }
}
