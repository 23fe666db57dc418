package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.Backend;
import dev.syncshift.client.CognitoSyncManager;
import dev.syncshift.client.Dataset;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.SourceTruth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A pass copies a dataset of more than one transaction's records (99) in several transactions, the metadata item
 * moving to Cognito's count only with the last one. A switched device up to date with the store that pushes between
 * two of them must not take a count at which the pass already stored records: its synchronize would then hand it its
 * own records alone, and it would never pull the others. The earlier transactions mark the metadata item with
 * {@code copiedUpTo}, as a device's own import in parts does, and pushes count from above it. The device is the real
 * compat client in {@code appsync} mode, synchronizing as an app does (never from zero after its first time).
 */
class CopyInPartsTest extends CutoverScenario {

    static final String DATASET = "big";
    private static final String STOP = "the pass stops here";

    /**
     * Cognito's count 1 copied, then 150 records at Cognito's count 2, the device's count plus one. The device pushes
     * between the pass's first and second transactions and synchronizes again before the second: it holds what the
     * store holds then, and after the pass everything.
     */
    @Test
    void aDeviceUpToDateThatPushesBetweenTheTransactionsOfACopyHoldsEveryRecordTheStoreHolds() {
        Device phone = copiedAtCountOne();
        try (CognitoSyncManager app = app(phone)) {
            Dataset dataset = app.openOrCreateDataset(DATASET);
            synchronize(dataset);
            assertThat(dataset.getLastSyncCount()).isEqualTo(1);
            phone.cognitoPush(phone.identityId(), DATASET, many(150));
            AtomicInteger transactions = new AtomicInteger();
            Map<String, Map<String, String>> between = new HashMap<>();

            IdentityOutcome delta = cutover.passTransacting(false, () -> {
                if (transactions.incrementAndGet() == 1) {
                    dataset.put("mine", "device");
                    synchronize(dataset);
                    synchronize(dataset);
                    between.put("device", dataset.getAll());
                    between.put("store", liveValues(phone));
                }
            }).migrate(id(phone));
            synchronize(dataset);

            assertThat(between.get("device")).as("what the device holds between the pass's transactions")
                    .hasSize(101).isEqualTo(between.get("store"));
            assertThat(delta.datasets()).singleElement().satisfies(d -> {
                assertThat(d.failure()).isNull();
                assertThat(d.mismatches()).isEmpty();
                // the 99 the first transaction wrote are written again as the revision: counted once
                assertThat(List.of(d.recordsWritten(), d.recordsCurrent())).containsExactly(150L, 0L);
            });
            Map<String, String> expected = new HashMap<>(many(150));
            expected.putAll(Map.of("first", "1", "mine", "device"));
            assertThat(dataset.getAll()).isEqualTo(expected);
            assertConsistent(phone, dataset);
        }
    }

    /**
     * A full pass killed after the first transaction of a dataset the store did not have: the store holds it marked
     * (count and watermark 0), a new install that pushes then still gets the records copied, and a delta pass
     * completes the dataset.
     */
    @Test
    void aDatasetNewToTheStoreLeftMarkedByAStoppedPassIsCompletedAndADevicePushingMeanwhileMissesNothing() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, true);

        StoredDataset marked = stored(phone);
        try (CognitoSyncManager app = app(phone)) {
            Dataset dataset = app.openOrCreateDataset(DATASET);
            dataset.put("mine", "device");
            synchronize(dataset);
            synchronize(dataset);
            assertThat(dataset.getAll()).as("what the device holds before the next pass").hasSize(100)
                    .isEqualTo(liveValues(phone));
            assertThat(marked).as("the metadata item the first transaction created").isNotNull();
            assertThat(List.of(marked.metadata().syncCount().value(), marked.sourceWatermark().value(),
                    marked.copiedUpTo().value(), marked.metadata().numRecords())).containsExactly(0L, 0L, 1L, 99L);

            IdentityOutcome delta = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));
            synchronize(dataset);

            assertThat(delta.datasets()).singleElement().satisfies(d -> {
                assertThat(d.failure()).isNull();
                assertThat(d.mismatches()).isEmpty();
                assertThat(d.kind()).isEqualTo(ImportPlan.Kind.REVISIONS);
            });
            Map<String, String> expected = new HashMap<>(many(150));
            expected.put("mine", "device");
            assertThat(dataset.getAll()).isEqualTo(expected);
            assertConsistent(phone, dataset);
        }
    }

    /**
     * A delta pass killed between the transactions of a dataset the store had: the mark covers the records stored
     * above the count, and the next full pass, with nobody writing on AppSync meanwhile, completes the copy with
     * Cognito's counts and removes the mark.
     */
    @Test
    void aCopyLeftMarkedByAStoppedPassIsCompletedByTheNextFullPassWithCognitosCounts() {
        Device phone = copiedAtCountOne();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, false);

        StoredDataset marked = stored(phone);
        assertThat(marked.copiedUpTo()).as("the mark of the records stored above the count").isNotNull();
        assertThat(List.of(marked.metadata().syncCount().value(), marked.sourceWatermark().value(),
                marked.copiedUpTo().value(), marked.metadata().numRecords())).containsExactly(1L, 1L, 2L, 100L);
        IdentityOutcome full = cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id(phone));

        assertThat(full.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.mismatches()).isEmpty();
            assertThat(d.kind()).isEqualTo(ImportPlan.Kind.COPY);
            assertThat(d.recordsWritten()).isEqualTo(51);
            assertThat(d.recordsCurrent()).isEqualTo(100);
        });
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(), id(phone));
        assertThat(stored(phone).copiedUpTo()).isNull();
        assertThat(stored(phone).metadata().syncCount().value()).isEqualTo(2);
    }

    /**
     * A delta pass killed between the transactions of a dataset the store had leaves records stored above the count;
     * Cognito then changes one of them. The next full pass must write Cognito's newer value over the part's older
     * one: the part stands above the dataset's count, but below Cognito's count for the record.
     */
    @Test
    void aRecordOfAnUnfinishedCopyThatCognitoChangedSinceIsWrittenWithCognitosNewerValue() {
        Device phone = copiedAtCountOne();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, false);
        assertThat(stored(phone).copiedUpTo()).as("the mark of the records stored above the count").isNotNull();
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("k0", "changed in Cognito after the part"));

        IdentityOutcome full = cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id(phone));

        assertThat(full.datasets()).singleElement().satisfies(d -> assertThat(d.failure()).isNull());
        assertThat(liveValues(phone)).containsEntry("k0", "changed in Cognito after the part");
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(), id(phone));
    }

    /**
     * A second pass that runs between the first one's transactions finds the dataset marked and completes it, taking
     * the records the first one stored as already there; the first one, its next transaction refused, reads the store
     * again and finds nothing left to write.
     */
    @Test
    void aSecondPassBetweenTheTransactionsOfAFirstOneCompletesTheCopyAndNoRecordIsWrittenTwice() {
        Device phone = copiedAtCountOne();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        AtomicInteger transactions = new AtomicInteger();
        AtomicReference<@Nullable DatasetOutcome> second = new AtomicReference<>();

        IdentityOutcome first = cutover.passTransacting(false, () -> {
            if (transactions.incrementAndGet() == 1) {
                assertThat(stored(phone).copiedUpTo()).as("the mark the second pass reads").isNotNull();
                second.set(cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone)).datasets().get(0));
            }
        }).migrate(id(phone));

        assertThat(second.get()).isNotNull().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ImportPlan.Kind.COPY);
            assertThat(List.of(d.recordsWritten(), d.recordsCurrent())).containsExactly(51L, 99L);
        });
        assertThat(first.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.mismatches()).isEmpty();
            assertThat(d.kind()).isEqualTo(ImportPlan.Kind.CURRENT);
            // planned again, it reads nothing new: the 99 its first transaction wrote are counted as written
            assertThat(List.of(d.recordsWritten(), d.recordsCurrent())).containsExactly(99L, 51L);
        });
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(), id(phone));
        assertThat(stored(phone).copiedUpTo()).isNull();
    }

    /**
     * A device's own import of part of a dataset lands between the transactions of a full pass copying it: the pass,
     * its next transaction refused, plans again, finds its first transaction's records already there with the
     * device's, and counts them as written all the same, the device's as current.
     */
    @Test
    void aPassPlannedAgainCountsTheRecordsItsEarlierTransactionsWroteAsWritten() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        // the pass copies in count then key order (one count here): its first transaction holds the first 99 keys
        List<software.amazon.awssdk.services.cognitosync.model.Record> byKey = phone.cognitoRecords(DATASET).values()
                .stream().sorted(Comparator.comparing(software.amazon.awssdk.services.cognitosync.model.Record::key))
                .toList();
        AtomicInteger transactions = new AtomicInteger();

        IdentityOutcome full = cutover.passTransacting(true, () -> {
            if (transactions.incrementAndGet() == 1) {
                phone.appSyncImportPart(DATASET, byKey.subList(99, 149), 1, false);
            }
        }).migrate(id(phone));

        assertThat(full.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.mismatches()).isEmpty();
            assertThat(d.kind()).isEqualTo(ImportPlan.Kind.COPY);
            assertThat(List.of(d.recordsWritten(), d.recordsCurrent())).as("written, current")
                    .containsExactly(100L, 50L);
        });
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(), id(phone));
    }

    /** A device's identity whose dataset Cognito holds at count 1 (one record), copied by a full pass. */
    private static Device copiedAtCountOne() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("first", "1"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id(phone));
        return phone;
    }

    /** Runs a pass that ends right after its first transaction was applied, as a process killed there would. */
    static void stopAfterFirstTransaction(Device phone, boolean full) {
        assertThatThrownBy(() -> cutover.passTransacting(full, () -> {
            throw new IllegalStateException(STOP);
        }).migrate(id(phone))).hasStackTraceContaining(STOP);
    }

    /**
     * The store's dataset agrees with itself and with the device: no mark left, no record above the count, totals
     * from its records, the watermark at Cognito's count, and the device at the store's count holding its values.
     */
    private static void assertConsistent(Device phone, Dataset dataset) {
        StoredDataset meta = stored(phone);
        Map<RecordKey, Record> records = cutover.table().records(SyncStoreLayout.recordPartition(id(phone),
                new DatasetName(DATASET), meta.generation()));
        long count = meta.metadata().syncCount().value();
        assertThat(meta.copiedUpTo()).isNull();
        assertThat(records.values()).allSatisfy(r -> assertThat(r.syncCount().value()).isLessThanOrEqualTo(count));
        assertThat(meta.metadata().numRecords()).isEqualTo(records.values().stream().filter(r -> !r.isTombstone())
                .count());
        assertThat(meta.metadata().dataStorage()).isEqualTo(records.values().stream()
                .mapToLong(Record::storageBytes).sum());
        assertThat(meta.sourceWatermark().value()).isEqualTo(cutover.syncClient().listRecords(r -> r
                .identityPoolId(cutover.pool().value()).identityId(phone.identityId()).datasetName(DATASET))
                .datasetSyncCount());
        assertThat(dataset.getLastSyncCount()).isEqualTo(count);
        assertThat(dataset.getAll()).isEqualTo(liveValues(phone));
    }

    /** The values of the live records the store holds in the dataset's current generation, by key. */
    static Map<String, String> liveValues(Device phone) {
        StoredDataset meta = stored(phone);
        Map<String, String> values = new HashMap<>();
        cutover.table().records(SyncStoreLayout.recordPartition(id(phone), new DatasetName(DATASET),
                meta == null ? SyncCount.ZERO : meta.generation())).values().stream().filter(r -> !r.isTombstone())
                .forEach(r -> values.put(r.key().value(), r.value()));
        return values;
    }

    static Map<String, String> many(int records) {
        return IntStream.range(0, records).boxed().collect(Collectors.toMap(i -> "k" + i, i -> "v" + i));
    }

    static CognitoSyncManager app(Device phone) {
        return CognitoSyncManager.builder().identityPoolId(cutover.pool().value())
                .cognitoEndpoint(cutover.cognito().endpoint()).appSyncEndpoint(cutover.appSync().endpoint())
                .backend(Backend.APPSYNC).identityId(phone.identityId()).build();
    }

    static void synchronize(Dataset dataset) {
        dataset.synchronizeAsync().orTimeout(1, TimeUnit.MINUTES).join();
    }

    static IdentityId id(Device phone) {
        return new IdentityId(phone.identityId());
    }

    static StoredDataset stored(Device phone) {
        return cutover.table().datasets(id(phone)).get(new DatasetName(DATASET));
    }
}
