package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.report.Tally;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An import cut short after its first transaction (99 of 150 records), a device then changing on AppSync what that
 * transaction wrote, and the import, planned again, keeping AppSync's change: each record read is counted once. A
 * record the pass wrote counts as written, also when a device's later change over it is kept; kept AppSync's change
 * counts only the records whose Cognito change never reached the store.
 */
class WrittenThenKeptCountsTest extends CutoverScenario {

    private static final String DATASET = "big";

    @Test
    void aRecordWrittenByAnEarlierAttemptThatADeviceChangedSinceCountsAsWrittenOnly() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));

        // the pass copies in count then key order (one count here): k0 is in its first transaction
        IdentityOutcome full = passChangingAfterFirstTransaction(phone, p -> p.appSyncPut(DATASET, "k0", "device"));

        assertThat(full.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.key()).hasToString("k0");
                assertThat(c.cognitoWon()).isFalse();
            });
        });
        assertCounts(Tally.of(full), 150, 0, 0);
    }

    @Test
    void aDatasetDeletedOnAppSyncAfterAnEarlierAttemptWrotePartOfItCountsThoseRecordsAsWrittenAndTheRestAsKept() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));

        IdentityOutcome full = passChangingAfterFirstTransaction(phone, p -> p.appSyncDelete(DATASET));

        assertThat(full.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.key()).isNull();
                assertThat(c.cognitoWon()).isFalse();
            });
        });
        assertCounts(Tally.of(full), 99, 0, 51);
    }

    /** A full pass of {@code phone}'s identity, {@code change} run on AppSync right after its first transaction. */
    private static IdentityOutcome passChangingAfterFirstTransaction(Device phone, Consumer<Device> change) {
        AtomicInteger transactions = new AtomicInteger();
        return cutover.passTransacting(true, () -> {
            if (transactions.incrementAndGet() == 1) {
                change.accept(phone);
            }
        }).migrate(new IdentityId(phone.identityId()));
    }

    private static void assertCounts(Tally tally, long written, long current, long kept) {
        assertThat(List.of(tally.recordsWritten(), tally.recordsCurrent(), tally.recordsKept()))
                .as("written, current, kept").containsExactly(written, current, kept);
        assertThat(tally.records()).as("records read").isEqualTo(150);
        assertThat(tally.transactions()).as("the first attempt's first transaction, the second attempt's")
                .isEqualTo(2);
    }

    private static Map<String, String> many(int records) {
        return IntStream.range(0, records).boxed().collect(Collectors.toMap(i -> "k" + i, i -> "v" + i));
    }
}
