package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.report.Tally;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A dataset a delta pass cannot import, because Cognito's changes and AppSync's together would pass the dataset limits:
 * nothing is applied, and the report says so. Its records are not counted (the failure stands for them all), and the
 * key changed on both sides is not reported as a conflict settled for either side, since the store still holds
 * AppSync's value.
 */
class FailedDatasetCountsTest extends CutoverScenario {

    @Test
    void aDatasetOverTheLimitsCountsNoRecordsAndSettlesNoConflict() {
        Device phone = cutover.newDevice();
        String big = "v".repeat(600_000);
        phone.cognitoPush(phone.identityId(), "big", Map.of("a", big, "x", "first"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(phone.identityId()));
        // on AppSync: a removed, b of 600 KB added, x changed
        phone.appSyncRemove("big", "a");
        phone.appSyncPut("big", "b", big);
        phone.appSyncPut("big", "x", "appsync");
        // then in Cognito Sync: a removed, c of 600 KB added, x changed (later: the policy would keep Cognito's x)
        phone.cognitoPush(phone.identityId(), "big", Map.of("a", "\u0000remove", "c", big, "x", "cognito"));

        IdentityOutcome delta = cutover.migrator(false, ConflictPolicy.LATER_WINS)
                .migrate(new IdentityId(phone.identityId()));

        DatasetOutcome outcome = delta.datasets().get(0);
        assertThat(outcome.failure()).contains("over the dataset limits", "nothing was applied");
        assertThat(phone.appSyncRecords("big", 0).get("x").path("value").asText()).isEqualTo("appsync");
        assertThat(outcome.conflicts()).isEmpty();
        Tally tally = Tally.of(delta);
        assertThat(tally.failures()).isEqualTo(1);
        assertThat(tally.records()).isZero();
        assertThat(tally.recordsWritten()).isZero();
        assertThat(tally.conflicts()).isZero();
    }
}
