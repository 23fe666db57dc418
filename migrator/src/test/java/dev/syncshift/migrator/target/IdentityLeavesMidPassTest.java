package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.SourceTruth;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An identity that leaves while a pass copies its datasets, between two of them: deleted from the pool, merged
 * into another (which leaves it in the pool, disabled and without datasets), or disabled by the unlink of its only
 * login (its datasets kept); and one Cognito refuses to read. None fails the partition.
 */
class IdentityLeavesMidPassTest extends CutoverScenario {

    /** Cognito stops knowing a deleted identity: the pass passes it over, keeping what it copied. */
    @Test
    void anIdentityDeletedBetweenTwoOfItsDatasetsIsPassedOverWithTheDatasetCopiedBefore() {
        String bob = cutover.developerIdentity("bob");

        IdentityOutcome outcome = passLeaving(bob, () -> cutover.deleteIdentity(bob));

        assertThat(outcome.note()).isEqualTo("not in the pool any more (deleted)");
        assertThat(outcome.datasets()).singleElement().satisfies(dataset -> {
            assertThat(dataset.failure()).isNull();
            assertThat(dataset.recordsWritten()).isEqualTo(1);
        });
        assertThat(cutover.table().datasets(new IdentityId(bob))).hasSize(1);
    }

    /**
     * A merged identity stays in the pool without datasets: the pass finds its later dataset gone (nothing to copy,
     * nothing failed), and the next pass deletes from the store the one it copied before, as the merge moved it to
     * the survivor.
     */
    @Test
    void anIdentityMergedAwayBetweenTwoOfItsDatasetsKeepsItsPlaceAndTheNextPassMirrorsTheMerge() {
        String carol = cutover.developerIdentity("carol");
        String dave = cutover.developerIdentity("dave");

        IdentityOutcome outcome = passLeaving(dave,
                () -> assertThat(cutover.merge("dave", "carol")).isEqualTo(carol));
        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(new IdentityId(dave));

        assertThat(outcome.note()).isNull();
        assertThat(outcome.datasets()).allSatisfy(dataset -> assertThat(dataset.failure()).isNull());
        assertThat(outcome.datasets()).extracting(DatasetOutcome::recordsWritten).containsExactly(1L, 0L);
        assertThat(next.datasets()).singleElement().satisfies(dataset -> assertThat(dataset.deletion()).isTrue());
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(), new IdentityId(dave));
    }

    /**
     * An identity whose only login an unlink removed is disabled but keeps its datasets (what AWS calls
     * inaccessible): developer credentials still read them, and the pass copies both, the one read after the unlink
     * too, so that the store holds what Cognito holds.
     */
    @Test
    void anIdentityAnUnlinkDisabledBetweenTwoOfItsDatasetsHasBothCopied() {
        String frank = cutover.developerIdentity("frank");

        IdentityOutcome outcome = passLeaving(frank, () -> cutover.unlinkDeveloperUser(frank, "frank"));

        assertThat(outcome.note()).isNull();
        assertThat(outcome.datasets()).allSatisfy(dataset -> assertThat(dataset.failure()).isNull());
        assertThat(outcome.datasets()).extracting(DatasetOutcome::recordsWritten).containsExactly(1L, 1L);
        assertThat(cutover.identityClient().describeIdentity(r -> r.identityId(frank)).logins()).isEmpty();
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(), new IdentityId(frank));
    }

    /**
     * Should Cognito Sync refuse to read a disabled identity even to developer credentials ("Access to Identity '…' is
     * forbidden."), the pass passes it over with a note, and the store keeps what an earlier pass copied.
     */
    @Test
    void anIdentityCognitoRefusesToReadIsPassedOverAndItsCopyKept() {
        String erin = cutover.developerIdentity("erin");
        cutover.newDevice().cognitoPush(erin, "prefs", Map.of("k", "1"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(erin));

        IdentityOutcome refused = cutover.passRefusingIdentity(false, erin).migrate(new IdentityId(erin));

        assertThat(refused.note()).isEqualTo("disabled: Cognito Sync refuses to read it (Access to Identity '" + erin
                + "' is forbidden.)");
        assertThat(refused.datasets()).isEmpty();
        assertThat(cutover.table().datasets(new IdentityId(erin)).values()).singleElement()
                .satisfies(dataset -> assertThat(dataset.deleted()).isFalse());
    }

    /** A full pass of {@code identity} with two datasets, running {@code leave} after its first ListRecords. */
    private IdentityOutcome passLeaving(String identity, Runnable leave) {
        Device any = cutover.newDevice();
        any.cognitoPush(identity, "first", Map.of("k", "1"));
        any.cognitoPush(identity, "second", Map.of("k", "2"));
        AtomicBoolean left = new AtomicBoolean();
        IdentityOutcome outcome = cutover.passCalling(true, operation -> {
            if (operation.equals("ListRecords") && left.compareAndSet(false, true)) {
                leave.run();
            }
        }).migrate(new IdentityId(identity));
        assertThat(left).isTrue();
        return outcome;
    }
}
