package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import dev.syncshift.emulator.dynamodblocal.LoopbackDynamoDb;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the tests of a cutover import's first copy cut off between its parts share
 * ({@link CutoverUnfinishedCopyDeletionTest}, {@link CutoverUnfinishedCopyOfflineTest}). Such a copy (watermark 0)
 * leaves part of the dataset on AppSync, marked {@code copiedUpTo}: it is neither a dataset AppSync has nor one to
 * complete over a deletion on Cognito Sync, and a deletion on Cognito Sync is recorded on AppSync over it
 * (docs/compat-client.md, "Cutover"). The run's tests share one {@link Store}, each on identities of its own.
 */
@ExtendWith({EmulatorsExtension.class, CutoverUnfinishedCopyBase.SharedStore.class})
abstract class CutoverUnfinishedCopyBase {

    private static final String TARGET = "DynamoDB_20120810.";

    /** The run's emulators and store, set before each test by {@link SharedStore}. */
    Emulators emulators;
    Store store;

    /**
     * {@code records} of {@code dataset} on Cognito Sync, written by {@code legacy}, and a cutover device's first copy
     * of them cut off after its first part ({@link #cutOffAfterTheFirstPart}).
     *
     * @return the dataset on {@code legacy}
     */
    Dataset firstCopyCutOff(CognitoSyncManager legacy, String dataset, Map<String, String> records) {
        Dataset old = legacy.openOrCreateDataset(dataset);
        old.putAll(records);
        sync(old);
        cutOffAfterTheFirstPart(cutover(legacy), dataset);
        return old;
    }

    /**
     * A cutover device's first synchronize of {@code dataset} (more than one transaction's worth of records, not on
     * AppSync yet) whose import loses its second part on the way to the store: the first part is stored, the
     * synchronize fails.
     */
    void cutOffAfterTheFirstPart(CognitoSyncManager device, String dataset) {
        cutOff(device, dataset, 2, () -> { });
    }

    /**
     * A cutover device's synchronize of {@code dataset} whose import's writes stop reaching the store at its
     * {@code part}-th (the parts before it stored), {@code meanwhile} run just before; the synchronize fails.
     */
    void cutOff(CognitoSyncManager device, String dataset, int part, Runnable meanwhile) {
        TcpProxy relay = store.relay();
        AtomicInteger writes = new AtomicInteger();
        relay.beforeRequest(head -> {
            if (head.contains(TARGET + "TransactWriteItems") && writes.incrementAndGet() == part) {
                meanwhile.run();
                relay.dropRate(1); // this part of the import never reaches the store
            }
        });
        try (device) {
            syncFailure(device.openOrCreateDataset(dataset));
        }
        store.mend();
        assertThat(writes.get()).as("the import's parts sent").isGreaterThanOrEqualTo(part);
    }

    /**
     * {@code records} of {@code dataset} on Cognito Sync, a cutover device's first copy of them cut off after its first
     * part, and then one record pushed to AppSync by a phone on the appsync backend (no import on first touch).
     */
    void copyCutOffThenPushedOnAppSync(CognitoSyncManager legacy, String dataset, Map<String, String> records) {
        firstCopyCutOff(legacy, dataset, records);
        try (CognitoSyncManager phone = emulators.device(Backend.APPSYNC)
                .appSyncEndpoint(store.appSync().endpoint()).identityId(legacy.getIdentityId()).build()) {
            Dataset onPhone = phone.openOrCreateDataset(dataset);
            onPhone.put("phone", "1");
            sync(onPhone);
        }
    }

    /** The user deletes {@code dataset} on an old install (Cognito Sync) and starts it again with one record. */
    static void restart(CognitoSyncManager oldInstall, String dataset) {
        Dataset old = oldInstall.openOrCreateDataset(dataset);
        old.delete();
        sync(old);
        Dataset again = oldInstall.openOrCreateDataset(dataset);
        again.put("fresh", "1");
        sync(again);
    }

    /** A cutover device of {@code legacy}'s identity on the store. */
    CognitoSyncManager cutover(CognitoSyncManager legacy) {
        return cutover(legacy.getIdentityId());
    }

    /** A cutover device of {@code identity} on the store. */
    CognitoSyncManager cutover(String identity) {
        return cutoverBuilder().identityId(identity).build();
    }

    /** A cutover device's builder, on the store. */
    CognitoSyncManagerBuilder cutoverBuilder() {
        return emulators.device(Backend.CUTOVER).appSyncEndpoint(store.appSync().endpoint());
    }

    static Map<String, String> records(String prefix, int n) {
        Map<String, String> records = new HashMap<>();
        for (int i = 0; i < n; i++) {
            records.put(prefix + i, "v" + i);
        }
        return records;
    }

    /**
     * The SDK's attempts at a call, without its waits between them: they change nothing once a proxy drops every
     * request (the network lost), and add seconds to each call that fails (DynamoDB's default, up to nine attempts
     * with backoff, repeated at each of the client's own attempts at the AppSync call).
     */
    static void noWaits(RetryStrategy.Builder<?, ?> retry) {
        retry.backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately());
    }

    /**
     * An AppSync emulator whose DynamoDB Local is reached through a relay a test can cut, by a DynamoDB client making
     * the SDK's attempts at a request without waiting between them ({@link #noWaits}).
     */
    record Store(LoopbackDynamoDb table, TcpProxy relay, DynamoDbClient client, AppSyncEmulator appSync)
            implements AutoCloseable {

        static Store start(URI cognito) {
            LoopbackDynamoDb table = LoopbackDynamoDb.start();
            TcpProxy relay = TcpProxy.start(table.endpoint(), Duration.ZERO);
            URI relayed = relay.uri(table.endpoint());
            DynamoDbClient client = DynamoDbClient.builder().endpointOverride(relayed).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryStrategy(CutoverUnfinishedCopyBase::noWaits)).build();
            return new Store(table, relay, client, AppSyncEmulator.start(new AppSyncEmulatorConfig(
                    Emulators.TEMPLATE, "127.0.0.1", 0, null, relayed, "us-east-1", Duration.ofSeconds(60), cognito),
                    client));
        }

        /** The relay passes every request again, and runs nothing before them. */
        void mend() {
            relay.dropRate(0);
            relay.beforeRequest(head -> { });
        }

        @Override
        public void close() {
            try (table; relay; client; appSync) {
                // closed in reverse order: the emulator, its client, the relay, the table
            }
        }
    }

    /**
     * Gives each test the run's emulators and {@link Store} (started for its first test and closed at the run's end:
     * JUnit root store, as {@link Emulators}), and mends the store's relay after each test (one failed while cut too).
     */
    static final class SharedStore implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            CutoverUnfinishedCopyBase test = (CutoverUnfinishedCopyBase) context.getRequiredTestInstance();
            test.emulators = Emulators.of(context);
            test.store = of(context);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            of(context).mend();
        }

        private static Store of(ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Store.class,
                    k -> Store.start(Emulators.of(context).cognito().endpoint()), Store.class);
        }
    }
}
