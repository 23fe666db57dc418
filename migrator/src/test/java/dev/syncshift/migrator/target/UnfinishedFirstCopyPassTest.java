package dev.syncshift.migrator.target;

import static dev.syncshift.migrator.target.CopyInPartsTest.DATASET;
import static dev.syncshift.migrator.target.CopyInPartsTest.app;
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

    /** The metadata item's firstCopyUpTo as stored; null when absent. */
    private static @Nullable String firstCopyMark(Device phone) {
        SyncCount mark = stored(phone).firstCopyUpTo();
        return mark == null ? null : String.valueOf(mark.value());
    }
}
