package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A deletion in Cognito Sync that a pass settled by keeping AppSync's data ({@code sourceDeletedAt}) is not settled
 * again when the user then starts the dataset again on Cognito Sync: the new incarnation's records are changes after
 * the watermark, applied beside what AppSync kept, not a deletion that takes AppSync's data away.
 */
class SettledDeletionRecreatedTest extends CutoverScenario {

    @Test
    void aDatasetStartedAgainOnCognitoAfterItsDeletionWasKeptForAppSyncKeepsAppSyncsData() {
        Device phone = cutover.newDevice();
        IdentityId id = new IdentityId(phone.identityId());
        phone.cognitoPush(phone.identityId(), "kept", Map.of("a", "1", "b", "2"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id);
        phone.appSyncPut("kept", "mine", "device");
        phone.cognitoDelete("kept");
        IdentityOutcome settled = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id);
        assertThat(settled.datasets()).flatMap(DatasetOutcome::conflicts).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isFalse());

        phone.cognitoPut("kept", "fresh", "new");
        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id);

        assertThat(values(phone.appSyncRecords("kept", 0))).as("AppSync's records after the user started the dataset "
                + "again on Cognito Sync, its deletion kept for AppSync's side by the pass before (outcome %s)",
                next.datasets()).isEqualTo(Map.of("a", "1", "b", "2", "mine", "device", "fresh", "new"));
    }

    /**
     * A pass applying the re-created dataset's records in more than one transaction (150 records: two) is stopped
     * after its first, as a killed process would be. Its intermediate metadata item keeps the settled deletion
     * ({@code sourceDeletedAt}), so the next pass, whatever its policy, does not take that deletion for one since the
     * watermark (a dataset-level conflict with AppSync nobody made, or, under keep-cognito, a new generation without
     * what AppSync kept): it applies the records the stopped pass had not.
     */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aPassStoppedBetweenTheTransactionsApplyingTheReCreationIsCompletedByTheNextPass(ConflictPolicy policy) {
        Device phone = settledForAppSync(DATASET);
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, false);

        IdentityOutcome next = cutover.migrator(false, policy).migrate(id(phone));

        assertThat(missing(keptAndStartedAgain(Map.of()), values(phone.appSyncRecords(DATASET, 0)))).as("the keys "
                + "AppSync lacks after the pass following one stopped between its transactions (outcome %s)",
                next.datasets()).isEmpty();
        assertThat(next.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
    }

    /**
     * A device pushes on AppSync between the transactions of the pass applying a re-creation of 150 records: the
     * pass, its next transaction refused, reads the store again, finds the settled deletion on the item its first
     * transaction wrote, and applies the other 51 records rather than settling a dataset-level conflict.
     */
    @Test
    void aPushBetweenTheTransactionsApplyingTheReCreationLeavesNoneOfItsRecordsUnapplied() {
        Device phone = settledForAppSync(DATASET);
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        AtomicInteger transactions = new AtomicInteger();

        IdentityOutcome pass = cutover.passTransacting(false, () -> {
            if (transactions.incrementAndGet() == 1) {
                phone.appSyncPut(DATASET, "pushed", "meanwhile");
            }
        }).migrate(id(phone));

        assertThat(missing(keptAndStartedAgain(Map.of("pushed", "meanwhile")),
                values(phone.appSyncRecords(DATASET, 0)))).as("the keys AppSync lacks after a pass a device pushed "
                + "during (outcome %s)", pass.datasets()).isEmpty();
        assertThat(pass.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
    }

    /** The 150 records started again on Cognito, what AppSync kept, and {@code more}. */
    private static Map<String, String> keptAndStartedAgain(Map<String, String> more) {
        Map<String, String> expected = new HashMap<>(many(150));
        expected.putAll(Map.of("a", "1", "b", "2", "mine", "device"));
        expected.putAll(more);
        return expected;
    }

    /** A device's dataset copied, pushed to on AppSync, deleted in Cognito, and that deletion kept for AppSync. */
    static Device settledForAppSync(String dataset) {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), dataset, Map.of("a", "1", "b", "2"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id(phone));
        phone.appSyncPut(dataset, "mine", "device");
        phone.cognitoDelete(dataset);
        IdentityOutcome settled = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));
        assertThat(settled.datasets()).flatMap(DatasetOutcome::conflicts).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isFalse());
        return phone;
    }

    private static IdentityId id(Device phone) {
        return new IdentityId(phone.identityId());
    }

    /** The keys of {@code expected} that {@code actual} lacks or holds with another value, sorted. */
    private static Set<String> missing(Map<String, String> expected, Map<String, String> actual) {
        Set<String> missing = new TreeSet<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                missing.add(k);
            }
        });
        return missing;
    }

    private static Map<String, String> values(Map<String, JsonNode> records) {
        return records.entrySet().stream().filter(e -> !e.getValue().path("deleted").asBoolean())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().path("value").asText()));
    }
}
