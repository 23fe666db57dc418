package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.id;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static dev.syncshift.migrator.target.CopyInPartsTest.stored;
import static dev.syncshift.migrator.target.RecreatedOnAppSyncTest.migrated;
import static dev.syncshift.migrator.target.RecreatedOnAppSyncTest.recreateOnAppSync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A live generation above {@code importedAt} holding records marked {@code imported} is one a pass writing
 * Cognito's dataset started and did not finish (stopped, or interrupted by a push), also when Cognito deleted the
 * dataset since the watermark: the next plan completes it from a read of the whole dataset, the push kept.
 */
class RecreatedReviewThreeTest extends CutoverScenario {

    /**
     * A dataset {@code a}, {@code b}, copied; a device pushes {@code n} on AppSync; the user then deletes the dataset
     * on an app still on Cognito Sync and starts it again there with 150 records (the later change: later-wins takes
     * Cognito's re-creation). A pass (later wins) writes Cognito's new incarnation into a new generation, in two
     * transactions; between them a switched device pushes {@code pushed} into the generation the first one started.
     * The docs: a pass writing Cognito's dataset into a new generation in more than one transaction, "interrupted by
     * a push, before its last", is completed from a read of the whole dataset, the push weighed as any change made
     * on AppSync. So AppSync ends with the 150 records and the push. The pass, its second transaction refused, plans
     * again and takes the half-written generation plus the push for AppSync's side of a Cognito re-creation against
     * a change on AppSync, which the push (later) wins: the watermark moves to Cognito's count, and the 51 records
     * the first transaction did not write never reach AppSync.
     */
    @Test
    void aPushBetweenTheTransactionsOfACognitoReCreationLeavesNoneOfItsRecordsUnwritten() {
        Device phone = migrated();
        Map<String, String> again = recreatedOnCognitoAfterAPush(phone);

        assertCompletedWithAPushBetween(phone, again);
    }

    /**
     * As above, the pass stopped after its first transaction (a crash), a switched device pushing into the
     * half-written generation before the next pass: that pass too must complete Cognito's re-creation.
     */
    @Test
    void aPushAfterAStoppedCognitoReCreationLeavesNoneOfItsRecordsUnwritten() {
        Device phone = migrated();
        Map<String, String> again = recreatedOnCognitoAfterAPush(phone);
        stopAfterFirstTransaction(phone, false);
        phone.appSyncPut(DATASET, "pushed", "after the stop");

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));

        Map<String, String> expected = new HashMap<>(again);
        expected.put("pushed", "after the stop");
        assertThat(missing(expected, liveValues(phone))).as("the keys AppSync lacks or holds otherwise after the pass "
                + "following a stopped one writing Cognito's re-creation (the pass %s; the item after it %s)",
                next.datasets(), stored(phone)).isEmpty();
    }

    /**
     * {@code a}, {@code b} copied, a device's push of {@code n} on AppSync, then the dataset deleted on Cognito Sync
     * and started again there with 150 records (later than the push, so later-wins replaces AppSync's incarnation).
     *
     * @return the records Cognito's new incarnation holds
     */
    private static Map<String, String> recreatedOnCognitoAfterAPush(Device phone) {
        phone.appSyncPut(DATASET, "n", "pushed");
        phone.cognitoDelete(DATASET);
        Map<String, String> again = new HashMap<>();
        many(150).forEach((k, v) -> again.put(k, "again " + v));
        phone.cognitoPush(phone.identityId(), DATASET, again);
        return again;
    }

    /**
     * As {@link #aPushBetweenTheTransactionsOfACognitoReCreationLeavesNoneOfItsRecordsUnwritten}, over a deletion on
     * AppSync: a device deletes the dataset {@code a}, {@code b} on AppSync; the user, on an app still on Cognito
     * Sync, deletes it there too and starts it again with 150 records (later: later-wins takes Cognito's side). The
     * pass writes them into a new generation in two transactions, and a switched device pushes {@code pushed} between
     * them. The docs name this case ("a pass writing Cognito's dataset into a new generation in more than one
     * transaction (here, or over a deletion on AppSync) and stopped, or interrupted by a push, before its last ...
     * the next pass completes it from a read of the whole dataset, whatever its policy"): AppSync ends with the 150
     * records and the push.
     */
    @Test
    void aPushBetweenTheTransactionsOfACognitoReCreationOverADeletionOnAppSyncLeavesNoneOfItsRecordsUnwritten() {
        Device phone = migrated();
        phone.appSyncDelete(DATASET);
        phone.cognitoDelete(DATASET);
        Map<String, String> again = new HashMap<>();
        many(150).forEach((k, v) -> again.put(k, "again " + v));
        phone.cognitoPush(phone.identityId(), DATASET, again);

        assertCompletedWithAPushBetween(phone, again);
    }

    /**
     * A dataset of 150 records, copied; a device deletes it on AppSync and starts it again ({@code fresh}); the user
     * then edits {@code k0} on Cognito Sync. A pass (later wins: Cognito's edit is the later) replaces the device's
     * incarnation with Cognito's dataset in a new generation and is stopped after its first transaction (99 of the
     * 150 records written). A switched device, which synchronized that generation, then edits every record it holds
     * (99 ordinary pushes, each over a key the pass marked imported, so that no mark is left). A push over a record is
     * no deletion of the dataset: as the docs say of such a replacement, the next pass completes it from a read of the
     * whole dataset, "a device's push into it weighed against Cognito's version of its key as any change made on
     * AppSync": the device's values stay (the later), and the 51 records the pass had not written yet arrive.
     */
    @Test
    void pushesOverEveryRecordAStoppedReplacementWroteDoNotLoseTheRecordsItHadNotWrittenYet() {
        Device phone = migrated(many(150));
        recreateOnAppSync(phone);
        phone.cognitoPut(DATASET, "k0", "edited");
        stopAfterFirstTransaction(phone, false);
        Map<String, String> partial = liveValues(phone);
        Map<String, String> expected = new HashMap<>(many(150));
        expected.put("k0", "edited");
        for (String key : List.copyOf(partial.keySet())) {
            phone.appSyncPut(DATASET, key, "device");
            expected.put(key, "device");
        }
        StoredDataset afterPushes = stored(phone);

        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));

        assertThat(missing(expected, liveValues(phone))).as("the keys AppSync lacks or holds otherwise after the "
                + "pass following a replacement stopped after %s of its records, each pushed over by a device (the "
                + "item before the pass %s; the pass %s)", partial.size(), afterPushes, next.datasets()).isEmpty();
    }

    /**
     * A pass (later-wins) writing Cognito's re-creation {@code again} into a new generation, a push of {@code pushed}
     * between its two transactions: AppSync ends with {@code again} and the push.
     */
    private static void assertCompletedWithAPushBetween(Device phone, Map<String, String> again) {
        AtomicInteger transactions = new AtomicInteger();

        IdentityOutcome pass = cutover.passTransacting(false, () -> {
            if (transactions.incrementAndGet() == 1) {
                phone.appSyncPut(DATASET, "pushed", "meanwhile");
            }
        }).migrate(id(phone));

        Map<String, String> expected = new HashMap<>(again);
        expected.put("pushed", "meanwhile");
        assertThat(missing(expected, liveValues(phone))).as("the keys AppSync lacks or holds otherwise after a pass "
                + "writing Cognito's re-creation that a push interrupted (the pass %s; the item after it %s)",
                pass.datasets(), stored(phone)).isEmpty();
    }

    /** The keys of {@code expected} that {@code actual} lacks or holds with another value, and any it has beyond. */
    private static Set<String> missing(Map<String, String> expected, Map<String, String> actual) {
        Set<String> missing = new TreeSet<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                missing.add(k);
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> missing.add("+" + k));
        return missing;
    }
}
