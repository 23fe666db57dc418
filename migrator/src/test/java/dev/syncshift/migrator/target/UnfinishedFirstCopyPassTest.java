package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.app;
import static dev.syncshift.migrator.target.CopyInPartsTest.id;
import static dev.syncshift.migrator.target.CopyInPartsTest.liveValues;
import static dev.syncshift.migrator.target.CopyInPartsTest.many;
import static dev.syncshift.migrator.target.CopyInPartsTest.stopAfterFirstTransaction;
import static dev.syncshift.migrator.target.CopyInPartsTest.stored;
import static dev.syncshift.migrator.target.CopyInPartsTest.synchronize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.Backend;
import dev.syncshift.client.CognitoSyncManager;
import dev.syncshift.client.Dataset;
import dev.syncshift.client.NetworkException;
import dev.syncshift.client.remote.cognito.CognitoSyncRemoteStore;
import dev.syncshift.client.remote.cutover.CutoverRemoteStore;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.core.layout.WriteAction;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * A first copy cut off between its transactions, then pushed to on AppSync (the push takes {@code copiedUpTo} off
 * and keeps {@code firstCopyUpTo}): a later pass's writes that leave the watermark at 0 keep the first copy's mark, so
 * a device still tells a dataset AppSync holds only part of. Shares {@link CopyInPartsTest}'s set-up.
 */
class UnfinishedFirstCopyPassTest extends CutoverScenario {

    @Test
    void aPassKilledBetweenItsTransactionsOverAPushedUnfinishedFirstCopyKeepsItUnfinished() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, true);
        try (CognitoSyncManager app = app(phone)) {
            Dataset dataset = app.openOrCreateDataset(DATASET);
            dataset.put("mine", "device");
            synchronize(dataset);
        }
        assertThat(firstCopyMark(phone)).as("the first copy's mark, kept by the push").isEqualTo("1");
        phone.cognitoPush(phone.identityId(), DATASET, IntStream.range(0, 150).boxed()
                .collect(Collectors.toMap(i -> "m" + i, i -> "w" + i)));
        stopAfterFirstTransaction(phone, false);
        StoredDataset marked = stored(phone);
        String markAfter = firstCopyMark(phone);
        // Cognito Sync out of reach: its calls go to a port nothing listens on.
        try (CognitoSyncManager offline = CognitoSyncManager.builder().identityPoolId(cutover.pool().value())
                .cognitoEndpoint(cutover.cognito().endpoint()).appSyncEndpoint(cutover.appSync().endpoint())
                .backend(Backend.CUTOVER).identityId(phone.identityId())
                .remoteStore((wiring, credentials) -> new CutoverRemoteStore(new CognitoSyncRemoteStore(
                        CognitoSyncClient.builder().endpointOverride(URI.create("http://127.0.0.1:1"))
                                .region(Region.US_EAST_1).credentialsProvider(credentials)
                                .httpClient(UrlConnectionHttpClient.create()).build(), wiring.pool()),
                        wiring.appSync(credentials)))
                .build()) {
            Dataset dataset = offline.openOrCreateDataset(DATASET);
            Throwable ending = dataset.synchronizeAsync().orTimeout(1, TimeUnit.MINUTES)
                    .handle((done, failure) -> failure).join();
            assertThat(Stream.iterate(ending, t -> t != null, Throwable::getCause)).as("the synchronize, Cognito "
                    + "Sync out of reach, of a dataset AppSync holds %d of Cognito's 300 records of (the app was shown "
                    + "%d; the item left by the pass's first transaction: count %s, watermark %s, copiedUpTo %s, "
                    + "firstCopyUpTo %s)", liveValues(phone).size() - 1, dataset.getAll().size(),
                    marked.metadata().syncCount(), marked.sourceWatermark(), marked.copiedUpTo(), markAfter)
                    .anyMatch(NetworkException.class::isInstance);
        }
    }

    @Test
    void aWriteBackOverAPushedUnfinishedFirstCopyOfADatasetDeletedOnCognitoDoesNotBringItBack() {
        Device phone = pushedUnfinishedCopyThenDeletedOnCognito();
        IdentityOutcome back = cutover.writeBack().migrate(id(phone));
        assertThat(liveKeys(phone.cognitoRecords(DATASET).values().stream().filter(r -> r.value() != null)
                .map(r -> r.key()))).as("records written back into Cognito Sync as live, the dataset the user "
                + "deleted there included (outcome %s)", back.datasets()).containsExactly("mine");
        assertThat(liveValues(phone)).as("AppSync's records").containsOnlyKeys("mine");
    }

    @Test
    void aDeltaPassOverAPushedUnfinishedFirstCopyOfADatasetDeletedOnCognitoRemovesTheCopyAndKeepsThePush() {
        Device phone = pushedUnfinishedCopyThenDeletedOnCognito();
        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));
        assertThat(liveValues(phone)).as("AppSync's records after the pass (outcome %s)", pass.datasets())
                .containsExactly(Map.entry("mine", "device"));
        StoredDataset after = stored(phone);
        assertThat(after.firstCopyMark()).isEqualTo(SyncCount.ZERO);
        assertThat(after.metadata().numRecords()).isEqualTo(1);
        assertThat(pass.datasets()).singleElement().satisfies(d -> assertThat(d.conflicts()).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isFalse()));
        IdentityOutcome again = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));
        assertThat(liveValues(phone)).as("after a second pass (outcome %s)", again.datasets())
                .containsExactly(Map.entry("mine", "device"));
    }

    @Test
    void aDeltaPassKeepingCognitoOverAPushedUnfinishedFirstCopyOfADatasetDeletedOnCognitoDeletesIt() {
        Device phone = pushedUnfinishedCopyThenDeletedOnCognito();
        cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(id(phone));
        assertThat(stored(phone).deleted()).isTrue();
        assertThat(liveValues(phone)).isEmpty();
    }

    @Test
    void aDeltaPassOverAPushedUnfinishedFirstCopyOfADatasetDeletedAndStartedAgainOnCognitoDropsTheDeletedRecords() {
        Device phone = pushedUnfinishedCopyThenDeletedOnCognito();
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("k1", "again", "fresh", "new"));
        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));
        assertThat(liveValues(phone)).as("AppSync's records after the pass (outcome %s)", pass.datasets())
                .containsOnlyKeys("mine", "k1", "fresh").containsEntry("k1", "again");
    }

    @Test
    void aCognitoEditOfARecordAPushedUnfinishedFirstCopyStoredIsNoConflictWhateverThePolicy() {
        Device phone = pushedUnfinishedCopy();
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("k1", "edited"));
        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));
        assertThat(liveValues(phone)).as("AppSync's records after the pass (outcome %s)", pass.datasets())
                .hasSize(151).containsEntry("k1", "edited").containsEntry("mine", "device");
        assertThat(pass.datasets()).singleElement().satisfies(d -> assertThat(d.conflicts()).isEmpty());
    }

    @Test
    void aPassKeepingAppSyncsSideOfADeletionInCognitoReportsWhatItDid() {
        Device phone = pushedUnfinishedCopyThenDeletedOnCognito();
        DatasetOutcome outcome = keptForAppSync(phone);
        assertThat(outcome.deletion()).as("the outcome's deletion flag (\"Cognito Sync no longer has the dataset and "
                + "the import applied that deletion to the store\"; the report then counts it in datasetsDeleted, not "
                + "datasetsRevised) of a pass that kept the dataset, AppSync's side against the deletion, and removed "
                + "only the copy's records (store deleted: %s, AppSync holds %s)", stored(phone).deleted(),
                liveValues(phone)).isFalse();
        assertThat(outcome.mismatches()).as("mismatches the pass reports when it reads back the removals it has "
                + "just written, nobody writing meanwhile (%d of them; the removals are dated 'now', at a finer "
                + "precision than the store keeps)", outcome.mismatches().size()).isEmpty();
        assertThat(outcome.recordsCurrent()).as("records counted as current (\"records the store already held\", "
                + "of those read from Cognito Sync, which has none: the dataset is deleted there) by a pass that "
                + "removed the copy's 99 records (recordsWritten %d)", outcome.recordsWritten()).isZero();
    }

    @Test
    void aKeyTheUserWritesAgainOnCognitoAfterAStoppedPassRemovedItIsNoConflictUnderKeepAppSync() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, many(300));
        stopAfterTransactions(phone, true, 2);
        phone.appSyncPut(DATASET, "mine", "device");
        assertThat(stored(phone).firstCopyMark()).as("the first copy's mark, kept by the push")
                .isEqualTo(new SyncCount(1));
        assertThat(liveValues(phone)).as("the copy's 198 records and mine").hasSize(199);
        phone.cognitoDelete(DATASET);
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("fresh", "new"));
        // The pass removes the 198 copied records as revisions, in two transactions; it is stopped after the first
        // (fresh and 98 removals, k0 among them, at count 3).
        stopAfterFirstTransaction(phone, false);
        Map<String, String> between = liveValues(phone);
        assertThat(between).as("the first removals applied").doesNotContainKey("k0").containsKey("fresh");
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("k0", "back"));
        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id(phone));
        assertThat(liveValues(phone)).as("AppSync's records after the user wrote k0 on Cognito Sync again, after a "
                + "stopped pass removed it there as Cognito's deletion had (a removal the migrator made, not a change "
                + "a device made on AppSync; outcome %s)", pass.datasets())
                .containsOnlyKeys("mine", "fresh", "k0").containsEntry("k0", "back");
    }

    @Test
    void aPushToAMergedCopyWhoseFirstCopyAStoppedRevisionPassWasCompletingIsNotRemovedAsTheCopys() {
        Device device = cutover.newDevice();
        String survivor = cutover.developerIdentity("ufc-into");
        String mergedIdentity = cutover.developerIdentity("ufc-from");
        for (int i = 0; i < 5; i++) {
            device.cognitoPush(mergedIdentity, "prefs", Map.of("early" + i, "e" + i));
        }
        device.cognitoPush(mergedIdentity, "prefs", many(250));
        cutover.merge("ufc-from", "ufc-into");
        IdentityId id = new IdentityId(survivor);
        DatasetName copy = new DatasetName("prefs." + mergedIdentity);
        // The first copy of the merged copy (its records at counts 1 to 6), stopped after its first transaction.
        stopAfterTransactions(id, true, 1);
        StoredDataset copied = cutover.table().datasets(id).get(copy);
        assertThat(copied.firstCopyMark()).as("the first copy's mark").isEqualTo(new SyncCount(6));
        // The next pass takes a merged copy in revision mode; stopped after its first revision (count 1).
        stopAfterTransactions(id, false, 1);
        StoredDataset revised = cutover.table().datasets(id).get(copy);
        assertThat(revised.firstCopyMark()).as("the mark kept by the stopped revision").isEqualTo(new SyncCount(6));
        long pushedAt = pushAsTheResolver(id, copy, new RecordKey("mine"), "device");
        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC).migrate(id);
        StoredDataset after = cutover.table().datasets(id).get(copy);
        Record mine = cutover.table().records(SyncStoreLayout.recordPartition(id, copy, after.generation()))
                .get(new RecordKey("mine"));
        assertThat(mine == null ? null : mine.value()).as("a device's push of a new key to the merged copy (count "
                + "%d: the stopped revision left the count at %s, below the first copy's mark %s, and a push counts "
                + "past copiedUpTo alone), after a "
                + "keep-appsync pass: a change made on AppSync, which no pass may take for a record of the copy "
                + "(outcome %s)", pushedAt, revised.metadata().syncCount(), revised.firstCopyMark(), pass.datasets())
                .isEqualTo("device");
    }

    /**
     * A switched device's push of {@code key} to {@code dataset}, written as writePush.js writes it: the count rises
     * by one from the higher of the count and copiedUpTo, which it takes off, firstCopyUpTo, importedAt, the watermark
     * and a write-back's mark kept, the dataset renumbered; returns the count.
     */
    private static long pushAsTheResolver(IdentityId identity, DatasetName dataset, RecordKey key, String value) {
        StoredDataset meta = cutover.table().datasets(identity).get(dataset);
        String partition = SyncStoreLayout.recordPartition(identity, dataset, meta.generation());
        Record held = cutover.table().records(partition).get(key);
        SyncCount base = meta.metadata().syncCount();
        if (meta.copiedUpTo() != null && meta.copiedUpTo().isAfter(base)) {
            base = meta.copiedUpTo();
        }
        SyncCount next = base.next();
        Instant now = Instant.now();
        Record pushed = new Record(key, value, next, now, identity.value(), null);
        DatasetMetadata m = meta.metadata();
        long bytes = m.dataStorage() + pushed.storageBytes() - (held == null ? 0 : held.storageBytes());
        long records = m.numRecords() + (held == null || held.isTombstone() ? 1 : 0);
        StoredDataset after = new StoredDataset(new DatasetMetadata(m.key(), m.creationDate(), now, identity.value(),
                bytes, records, next), false, meta.generation(), meta.sourceWatermark(), true, meta.sourceDeletedAt(),
                null, meta.importedAt(), meta.writeBack(), meta.firstCopyUpTo());
        List<WriteAction> actions = new ArrayList<>();
        actions.add(new PutAction(DatasetItems.toItem(after), ImportTransactions.unchanged(meta)));
        actions.addAll(ImportTransactions.recordActions(partition, pushed,
                ImportTransactions.stillAt(held == null ? null : held.syncCount()), PlanSupport.pieces(held)));
        assertThat(cutover.table().write(actions)).isEmpty();
        return next.value();
    }

    /** A delta pass, later-wins (AppSync's side kept against a bare deletion); its one dataset's outcome. */
    private static DatasetOutcome keptForAppSync(Device phone) {
        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id(phone));
        assertThat(liveValues(phone)).as("AppSync's records after the pass").containsOnlyKeys("mine");
        assertThat(pass.datasets()).hasSize(1);
        return pass.datasets().get(0);
    }

    /** Runs a pass ({@code full}, or delta) that ends right after its {@code transactions}-th transaction. */
    static void stopAfterTransactions(Device phone, boolean full, int transactions) {
        stopAfterTransactions(id(phone), full, transactions);
    }

    /** As {@link #stopAfterTransactions(Device, boolean, int)}, for identity {@code identity}. */
    static void stopAfterTransactions(IdentityId identity, boolean full, int transactions) {
        AtomicInteger applied = new AtomicInteger();
        assertThatThrownBy(() -> cutover.passTransacting(full, () -> {
            if (applied.incrementAndGet() == transactions) {
                throw new IllegalStateException("the pass stops here");
            }
        }).migrate(identity)).hasStackTraceContaining("the pass stops here");
    }

    /**
     * A first copy of 150 records cut off after its first transaction (99 on AppSync at count 1, watermark 0), then a
     * push of {@code mine} on AppSync, which keeps the first copy's mark.
     */
    static Device pushedUnfinishedCopy() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, many(150));
        stopAfterFirstTransaction(phone, true);
        phone.appSyncPut(DATASET, "mine", "device");
        assertThat(firstCopyMark(phone)).as("the first copy's mark, kept by the push").isEqualTo("1");
        return phone;
    }

    /** {@link #pushedUnfinishedCopy}, then the dataset deleted on Cognito Sync. */
    private static Device pushedUnfinishedCopyThenDeletedOnCognito() {
        Device phone = pushedUnfinishedCopy();
        phone.cognitoDelete(DATASET);
        return phone;
    }

    private static List<String> liveKeys(Stream<String> keys) {
        return keys.sorted().toList();
    }

    /** The metadata item's firstCopyUpTo as stored; null when absent. */
    private static @Nullable String firstCopyMark(Device phone) {
        SyncCount mark = stored(phone).firstCopyUpTo();
        return mark == null ? null : String.valueOf(mark.value());
    }
}
