package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An identity merged into another while a pass copies its datasets: Cognito stops knowing it between two of its
 * datasets. The pass passes it over, keeping what it copied, instead of failing the partition.
 */
class IdentityLeavesMidPassTest extends CutoverScenario {

    @Test
    void anIdentityMergedAwayBetweenTwoOfItsDatasetsIsPassedOverWithTheDatasetCopiedBefore() {
        String alice = cutover.developerIdentity("alice");
        String bob = cutover.developerIdentity("bob");
        Device any = cutover.newDevice();
        any.cognitoPush(bob, "first", Map.of("k", "1"));
        any.cognitoPush(bob, "second", Map.of("k", "2"));
        AtomicBoolean merged = new AtomicBoolean();

        IdentityOutcome outcome = cutover.passCalling(true, operation -> {
            if (operation.equals("ListRecords") && merged.compareAndSet(false, true)) {
                assertThat(cutover.merge("bob", "alice")).isEqualTo(alice);
            }
        }).migrate(new IdentityId(bob));

        assertThat(merged).isTrue();
        assertThat(outcome.note()).isEqualTo("not in the pool any more (merged or deleted)");
        assertThat(outcome.datasets()).singleElement().satisfies(dataset -> {
            assertThat(dataset.failure()).isNull();
            assertThat(dataset.recordsWritten()).isEqualTo(1);
        });
        assertThat(cutover.table().datasets(new IdentityId(bob))).hasSize(1);
    }
}
