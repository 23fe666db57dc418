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

import dev.syncshift.client.Backend;
import dev.syncshift.client.CognitoSyncManager;
import dev.syncshift.client.Dataset;
import dev.syncshift.client.NetworkException;
import dev.syncshift.client.remote.cognito.CognitoSyncRemoteStore;
import dev.syncshift.client.remote.cutover.CutoverRemoteStore;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    /**
     * A first copy of 150 records cut off after its first transaction (99 on AppSync at count 1, watermark 0), then a
     * push of {@code mine} on AppSync, which keeps the first copy's mark.
     */
    private static Device pushedUnfinishedCopy() {
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
