package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.remote.cognito.CognitoSyncRemoteStore;
import dev.syncshift.client.remote.cutover.CutoverRemoteStore;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import dev.syncshift.emulator.dynamodblocal.LoopbackDynamoDb;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A cutover import's first copy (watermark 0) cut off between its parts leaves part of the dataset on AppSync,
 * marked {@code copiedUpTo}: such a copy is neither a dataset AppSync has nor one to complete over a deletion on
 * Cognito Sync, and a deletion on Cognito Sync is recorded on AppSync over it (docs/compat-client.md, "Cutover").
 */
@ExtendWith(EmulatorsExtension.class)
class CutoverUnfinishedCopyTest {

    private static final String TARGET = "DynamoDB_20120810.";

    @TempDir
    Path dir;

    /**
     * A first import (watermark 0) in parts, cut off after its first part (the network lost), leaves that part's
     * records in the store at the watermark, for a re-run to complete. If the dataset is deleted and re-created on
     * Cognito Sync before the re-run, the re-run reads the new incarnation from 0 and completes the copy on top of
     * the deleted incarnation's part: records Cognito deleted are brought back to AppSync, under a watermark that
     * hides them from the migrator's delta passes for good.
     */
    @Test
    void aCopyCutOffBetweenPartsIsNotCompletedOverADeletionOnCognito(Emulators emulators) {
        try (Store store = Store.start(emulators.cognito().endpoint());
                CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            // Between the import's two parts: the user deletes the dataset on an old install and starts it again;
            // the import's second part never reaches the store.
            copyCutOffOverARestart(emulators, store, legacy, "album", 150, 2);

            try (CognitoSyncManager next = cutover(emulators, store.appSync(), legacy)) {
                assertHolds(next.openOrCreateDataset("album"), Map.of("fresh", "1"),
                        "the incarnation deleted on Cognito Sync");
            }
        }
    }

    /**
     * The completion of a copy over a deletion (the previous test) is itself an import in parts, removals first, and
     * may be cut off in turn. Its first part stores removals at Cognito's count C', which raises the copy's mark
     * ({@code copiedUpTo}) to C': the next re-run asks Cognito Sync about a deletion after C', is told of none, and
     * completes the copy without the removals its lost parts carried, bringing the deleted incarnation's records they
     * named back to AppSync under a watermark past the deletion.
     */
    @Test
    void aCompletionOverADeletionCutOffBetweenItsPartsStillRemovesTheDeletedRecords(Emulators emulators) {
        try (Store store = Store.start(emulators.cognito().endpoint());
                CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            // Between the first import's second and third parts (196 of 250 records stored): the user deletes the
            // dataset on an old install and starts it again.
            copyCutOffOverARestart(emulators, store, legacy, "archive", 250, 3);
            // The next device's completion (196 removals and the new record: 98 + 98 + 1) loses its second part.
            cutOffAfterTheFirstPart(store.relay(), cutover(emulators, store.appSync(), legacy), "archive");

            try (CognitoSyncManager next = cutover(emulators, store.appSync(), legacy)) {
                assertHolds(next.openOrCreateDataset("archive"), Map.of("fresh", "1"),
                        "the incarnation deleted on Cognito Sync");
            }
        }
    }

    /**
     * The copy a login's merge leaves ({@code <dataset>.<guestId>}) counts from 1 again while its records keep their
     * counts: a first copy of it cut off between its parts stores records above the count Cognito Sync continues from
     * once the copy is deleted (the app folds it in and deletes it, as onDatasetsMerged asks) and re-created (an old
     * install still writing to it). Completing the copy must not bring the deleted records back: the removals at C'
     * are below the stored records' counts (and Cognito Sync, asked from the mark above its count, tells no deletion).
     */
    @Test
    void aMergedCopyCutOffBetweenPartsIsNotCompletedOverItsDeletion(Emulators emulators) {
        mergedCopyCutOffThenStartedAgain(emulators, "merged-copy-cut-off", Map.of());
    }

    /**
     * As the previous test, with a key of the stored part (p90, at count 7) written again in the new copy, at a count
     * below 7: the new copy's value is the one AppSync ends with, not the deleted copy's.
     */
    @Test
    void aKeyWrittenAgainInAMergedCopyStartedAgainKeepsItsNewValue(Emulators emulators) {
        mergedCopyCutOffThenStartedAgain(emulators, "merged-copy-key-again", Map.of("p90", "again"));
    }

    /**
     * A guest's 150 records of prefs (counts 1 to 10) merged by a login into {@code prefs.<guestId>}; a first copy of
     * that copy cut off after its first part; the copy deleted on Cognito Sync and started again with fresh and
     * {@code written}; then another cutover device's synchronize of it, which must hold just these.
     */
    private static void mergedCopyCutOffThenStartedAgain(Emulators emulators, String login,
            Map<String, String> written) {
        Map<String, String> logins = Map.of("login.compat", login);
        Emulators.identityClient(emulators.cognito().endpoint()).getOpenIdTokenForDeveloperIdentity(r -> r
                .identityPoolId(emulators.poolId()).logins(logins));
        try (Store store = Store.start(emulators.cognito().endpoint());
                CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).build()) {
            Dataset prefs = onCognito.openOrCreateDataset("prefs");
            for (int batch = 0; batch < 10; batch++) {
                for (int i = 0; i < 15; i++) {
                    prefs.put("p" + (batch * 15 + i), "v" + i);
                }
                sync(prefs); // counts 1 to 10
            }
            String guest = onCognito.getIdentityId();
            onCognito.setLogins(logins);
            sync(prefs);
            assertThat(onCognito.getIdentityId()).isNotEqualTo(guest);
            String copyName = "prefs." + guest;

            CognitoSyncManager first = emulators.device(Backend.CUTOVER).appSyncEndpoint(store.appSync().endpoint())
                    .build();
            first.setLogins(logins);
            cutOffAfterTheFirstPart(store.relay(), first, copyName);

            sync(onCognito.openOrCreateDataset(copyName));
            restart(onCognito, copyName);
            Dataset again = onCognito.openOrCreateDataset(copyName);
            again.putAll(written);
            sync(again);
            Map<String, String> live = new HashMap<>(written);
            live.put("fresh", "1");

            try (CognitoSyncManager next = emulators.device(Backend.CUTOVER)
                    .appSyncEndpoint(store.appSync().endpoint()).build()) {
                next.setLogins(logins);
                assertHolds(next.openOrCreateDataset(copyName), live, "the merged copy deleted on Cognito Sync");
            }
        }
    }

    /**
     * Apps on a GraphQL client of their own (and the compat client's {@code appsync} backend) make no import and push
     * to AppSync while old installs still write Cognito Sync (docs/cutover-plan.md, "Switch apps in waves"). Such a
     * push over an unfinished first copy removes the copy's mark {@code copiedUpTo} (writePush.js, "it removes the
     * mark"); it used to leave no other, so the dataset no longer read as an unfinished first copy (watermark 0, a
     * count, no mark), and once the user deleted the dataset on an old install and started it again, the next cutover
     * device imported the new incarnation from 0 as revisions without comparing the stored part with Cognito's read
     * ({@code staleRecords} ran only under the mark), the deleted incarnation's records staying on AppSync under a
     * watermark past the deletion, where no delta pass looks. The push now keeps {@code firstCopyUpTo}, the first
     * copy's own mark (docs/compat-client.md, "Why firstCopyUpTo").
     */
    @Test
    void aPushOverAnUnfinishedFirstCopyDoesNotKeepTheRecordsOfAnIncarnationDeletedSince(Emulators emulators) {
        try (Store store = Store.start(emulators.cognito().endpoint());
                CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            copyCutOffThenPushedOnAppSync(emulators, store, legacy, "journal", records("a", 150));
            restart(legacy, "journal");

            try (CognitoSyncManager next = cutover(emulators, store.appSync(), legacy)) {
                Dataset d = next.openOrCreateDataset("journal");
                sync(d);
                assertThat(d.getAll().keySet().stream().filter(key -> key.startsWith("a")).count())
                        .as("records of the incarnation deleted on Cognito Sync, brought back to AppSync").isZero();
                assertThat(d.get("fresh")).isEqualTo("1");
            }
        }
    }

    /**
     * The same push (an app on AppSync, no import) over an unfinished first copy, then a cutover device's synchronize
     * while Cognito Sync cannot be reached: AppSync still holds only part of a first copy (98 of the user's 150
     * records, and the phone's one), which docs/compat-client.md says is not a dataset AppSync has, but with its mark
     * gone {@code ensureImported} takes it for one and goes on. A default the app writes for a key it does not find is
     * then a later write on AppSync than the user's value on Cognito Sync, and wins at the import once Cognito Sync is
     * back (the import from 0 is a revision, a two-sided key settled by the later date).
     */
    @Test
    void aPushOverAnUnfinishedFirstCopyDoesNotMakeItADatasetAppSyncHas(Emulators emulators) {
        URI cognito = emulators.cognito().endpoint();
        Map<String, String> users = records("c", 150);
        try (Store store = Store.start(cognito);
                TcpProxy cognitoProxy = TcpProxy.start(cognito, Duration.ZERO);
                CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            copyCutOffThenPushedOnAppSync(emulators, store, legacy, "settings", users);

            try (CognitoSyncManager device = emulators.device(Backend.CUTOVER)
                    .appSyncEndpoint(store.appSync().endpoint())
                    .cognitoEndpoint(cognitoProxy.uri(cognito)).identityId(legacy.getIdentityId())
                    .remoteStore(CutoverUnfinishedCopyTest::withoutWaits).build()) {
                sync(device.openOrCreateDataset("warm-up"));
                cognitoProxy.dropRate(1);
                Dataset d = device.openOrCreateDataset("settings");
                RecordingCallback offline = new RecordingCallback();
                d.synchronize(offline);
                offline.ending();
                String missing = writeDefaultForAMissingKey(d, users, cognitoProxy);

                try (CognitoSyncManager next = cutover(emulators, store.appSync(), legacy)) {
                    Dataset again = next.openOrCreateDataset("settings");
                    sync(again);
                    assertThat(again.get(missing)).as("%s, which the user set on Cognito Sync (the device was shown "
                            + "%d records while Cognito Sync was out of reach)", missing, d.getAll().size())
                            .isEqualTo(users.get(missing));
                }
            }
        }
    }

    /**
     * A first copy cut off between its parts, and the dataset then deleted on Cognito Sync (not re-created): the part
     * AppSync stored is records of a dataset the user deleted. The next cutover device finds nothing to import (the
     * Cognito dataset does not exist) and goes on with the part as a dataset AppSync has: the app is shown, and
     * writes over, records the user deleted.
     */
    @Test
    void aCopyCutOffBetweenPartsOfADatasetDeletedOnCognitoIsNotShownToTheApp(Emulators emulators) {
        try (Store store = Store.start(emulators.cognito().endpoint());
                CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = legacy.openOrCreateDataset("drafts");
            old.putAll(records("d", 150));
            sync(old);
            cutOffAfterTheFirstPart(store.relay(), cutover(emulators, store.appSync(), legacy), "drafts");
            old.delete();
            sync(old);

            try (CognitoSyncManager next = cutover(emulators, store.appSync(), legacy)) {
                Dataset d = next.openOrCreateDataset("drafts");
                RecordingCallback callback = new RecordingCallback();
                d.synchronize(callback);
                callback.ending();
                assertThat(d.getAll()).as("records of the dataset deleted on Cognito Sync, shown to the app")
                        .isEmpty();
            }
        }
    }

    /**
     * A first copy cut off after its first part, then the dataset deleted on an old install (Cognito Sync) and not
     * started again: Cognito Sync reports no dataset, so the import had nothing to bring, and the next cutover device
     * went on with the partial copy of a dataset the user deleted: its records shown and synchronized as live, the
     * deletion reported to nobody (a device that synchronized the dataset on Cognito Sync silently dropped the records
     * the copy lacked, and kept the others). On Cognito Sync that device hears of the deletion (onDatasetDeleted), and
     * a new device finds nothing.
     */
    @Test
    void anUnfinishedFirstCopyOfADatasetDeletedOnCognitoIsReportedDeleted(Emulators emulators) {
        Path cache = dir.resolve("gone.db");
        try (Store store = Store.start(emulators.cognito().endpoint())) {
            String identity;
            try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
                Dataset d = onCognito.openOrCreateDataset("album");
                d.putAll(records("a", 150));
                sync(d);
                identity = onCognito.getIdentityId();
            }
            cutOffAfterTheFirstPart(store.relay(), cutover(emulators, store.appSync(), identity), "album");
            try (CognitoSyncManager oldInstall = emulators.device(Backend.COGNITO).identityId(identity).build()) {
                Dataset d = oldInstall.openOrCreateDataset("album");
                sync(d);
                d.delete();
                sync(d);
            }

            try (CognitoSyncManager switched = emulators.device(Backend.CUTOVER)
                    .appSyncEndpoint(store.appSync().endpoint())
                    .cacheFile(cache).build()) {
                Dataset d = switched.openOrCreateDataset("album");
                RecordingCallback callback = new RecordingCallback();
                d.synchronize(callback);
                callback.succeeded();
                assertThat(callback.deletedDataset()).as("the deletion reported to a device that synchronized the "
                        + "dataset on Cognito Sync (it was left with %d records)", d.getAll().size())
                        .isEqualTo("album");
                assertThat(d.getAll()).isEmpty();
            }
            try (CognitoSyncManager fresh = cutover(emulators, store.appSync(), identity)) {
                fresh.refreshDatasetMetadata();
                assertThat(fresh.listDatasets()).extracting(DatasetMetadata::getDatasetName).doesNotContain("album");
                Dataset d = fresh.openOrCreateDataset("album");
                sync(d);
                assertThat(d.getAll()).as("records of the dataset deleted on Cognito Sync").isEmpty();
            }
        }
    }

    /**
     * While Cognito Sync cannot be reached, a cutover device goes on with a dataset AppSync has, and fails the
     * synchronize of one AppSync does not have (docs/compat-client.md: going on would show the app an empty dataset,
     * and defaults it then writes would win over the user's data at the import). A first copy cut off after its
     * first part leaves a metadata item, so the device takes the dataset for one AppSync has and shows the app part
     * of it; a default written for a missing key is then a later write than Cognito's value, and wins at the import.
     */
    @Test
    void anUnfinishedFirstCopyIsNotTakenForADatasetAppSyncHasWhileCognitoIsOutOfReach(Emulators emulators) {
        offlineOverAnUnfinishedCopy(emulators, "library", records("b", 150), (d, ending, cognitoProxy) ->
                assertThat(ending).as("the synchronize of a dataset AppSync holds only part of a first copy of, "
                        + "with Cognito Sync out of reach (the app was shown %d of its 150 records)",
                        d.getAll().size()).isInstanceOf(NetworkException.class));
    }

    /**
     * The consequence of the previous test: a default the app writes for a key the unfinished copy lacks, while
     * Cognito Sync is out of reach, is pushed as a new key, with no conflict; once Cognito Sync is back, the import
     * finds the key changed on AppSync later than on Cognito and keeps the default. The user's value is lost for
     * every device, and the watermark then covers it, so no delta pass brings it back.
     */
    @Test
    void aDefaultWrittenOverAnUnfinishedFirstCopyDoesNotReplaceTheUsersValue(Emulators emulators) {
        Map<String, String> users = records("c", 150);
        offlineOverAnUnfinishedCopy(emulators, "settings", users, (d, ending, cognitoProxy) -> {
            String missing = writeDefaultForAMissingKey(d, users, cognitoProxy);

            RecordingCallback back = new RecordingCallback().resolvingWith(SyncConflict::resolveWithRemoteRecord);
            d.synchronize(back);
            back.succeeded();

            assertThat(d.get(missing)).as("%s, which the user set on Cognito Sync (conflicts reported: %s)",
                    missing, back.conflicts().size()).isEqualTo(users.get(missing));
        });
    }

    /** What a test does once a cutover device's synchronize of an unfinished copy ended, Cognito Sync out of reach. */
    private interface OfflineStep {
        void run(Dataset dataset, DataStorageException ending, TcpProxy cognitoProxy);
    }

    /**
     * The user's {@code records} in {@code dataset} on Cognito Sync, a first copy of them cut off after its first part
     * ({@link #cutOffAfterTheFirstPart}), and another cutover device's synchronize of the dataset while Cognito Sync
     * cannot be reached (its proxy dropping every connection), which {@code then} follows.
     */
    private static void offlineOverAnUnfinishedCopy(Emulators emulators, String dataset, Map<String, String> records,
            OfflineStep then) {
        URI cognito = emulators.cognito().endpoint();
        try (Store store = Store.start(cognito);
                TcpProxy cognitoProxy = TcpProxy.start(cognito, Duration.ZERO);
                CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = legacy.openOrCreateDataset(dataset);
            old.putAll(records);
            sync(old);
            cutOffAfterTheFirstPart(store.relay(), cutover(emulators, store.appSync(), legacy), dataset);

            try (CognitoSyncManager device = emulators.device(Backend.CUTOVER)
                    .appSyncEndpoint(store.appSync().endpoint())
                    .cognitoEndpoint(cognitoProxy.uri(cognito)).identityId(legacy.getIdentityId())
                    .remoteStore(CutoverUnfinishedCopyTest::withoutWaits).build()) {
                sync(device.openOrCreateDataset("warm-up"));
                cognitoProxy.dropRate(1);
                Dataset d = device.openOrCreateDataset(dataset);
                RecordingCallback offline = new RecordingCallback();
                d.synchronize(offline);
                then.run(d, offline.ending(), cognitoProxy);
            }
        }
    }

    /**
     * A cutover device's first synchronize of {@code dataset} (more than one transaction's worth of records, not on
     * AppSync yet) whose import loses its second part on the way to the store: the first part is stored, the
     * synchronize fails.
     */
    private static void cutOffAfterTheFirstPart(TcpProxy relay, CognitoSyncManager device, String dataset) {
        cutOff(relay, device, dataset, 2, () -> { });
    }

    /**
     * A cutover device's synchronize of {@code dataset} whose import's writes stop reaching the store at its
     * {@code part}-th (the parts before it stored), {@code meanwhile} run just before; the synchronize fails.
     */
    private static void cutOff(TcpProxy relay, CognitoSyncManager device, String dataset, int part,
            Runnable meanwhile) {
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
        relay.dropRate(0);
        relay.beforeRequest(head -> { });
        assertThat(writes.get()).as("the import's parts sent").isGreaterThanOrEqualTo(part);
    }

    /**
     * {@code n} records of {@code dataset} on Cognito Sync, and a cutover device's first copy of them cut off at its
     * {@code part}-th write, the user having deleted the dataset on an old install and started it again just before.
     */
    private static void copyCutOffOverARestart(Emulators emulators, Store store, CognitoSyncManager legacy,
            String dataset, int n, int part) {
        Dataset old = legacy.openOrCreateDataset(dataset);
        old.putAll(records("a", n));
        sync(old);
        cutOff(store.relay(), cutover(emulators, store.appSync(), legacy), dataset, part,
                () -> restart(legacy, dataset));
    }

    /**
     * {@code records} of {@code dataset} on Cognito Sync, a cutover device's first copy of them cut off after its first
     * part, and then one record pushed to AppSync by a phone on the appsync backend (no import on first touch).
     */
    private static void copyCutOffThenPushedOnAppSync(Emulators emulators, Store store, CognitoSyncManager legacy,
            String dataset, Map<String, String> records) {
        Dataset old = legacy.openOrCreateDataset(dataset);
        old.putAll(records);
        sync(old);
        cutOffAfterTheFirstPart(store.relay(), cutover(emulators, store.appSync(), legacy), dataset);
        try (CognitoSyncManager phone = emulators.device(Backend.APPSYNC)
                .appSyncEndpoint(store.appSync().endpoint()).identityId(legacy.getIdentityId()).build()) {
            Dataset onPhone = phone.openOrCreateDataset(dataset);
            onPhone.put("phone", "1");
            sync(onPhone);
        }
    }

    /**
     * The app fills in a default for the first of the user's keys it does not find in {@code d}, synchronizes with
     * Cognito Sync out of reach, and Cognito Sync comes back.
     *
     * @return the key
     */
    private static String writeDefaultForAMissingKey(Dataset d, Map<String, String> users, TcpProxy cognitoProxy) {
        String missing = users.keySet().stream().filter(key -> d.get(key) == null).sorted().findFirst().orElseThrow();
        d.put(missing, "default");
        RecordingCallback defaults = new RecordingCallback();
        d.synchronize(defaults);
        defaults.ending();
        cognitoProxy.dropRate(0);
        return missing;
    }

    /** The user deletes {@code dataset} on an old install (Cognito Sync) and starts it again with one record. */
    private static void restart(CognitoSyncManager oldInstall, String dataset) {
        Dataset old = oldInstall.openOrCreateDataset(dataset);
        old.delete();
        sync(old);
        Dataset again = oldInstall.openOrCreateDataset(dataset);
        again.put("fresh", "1");
        sync(again);
    }

    /** Synchronizes {@code d} and checks that it holds {@code live}, the new incarnation, and none of {@code gone}. */
    private static void assertHolds(Dataset d, Map<String, String> live, String gone) {
        sync(d);
        assertThat(d.getAll().keySet().stream().filter(key -> !live.containsKey(key)).count())
                .as("records of %s, brought back to AppSync", gone).isZero();
        assertThat(d.getAll()).isEqualTo(live);
    }

    /**
     * An AppSync emulator whose DynamoDB Local is reached through a relay a test can cut, by a DynamoDB client making
     * the SDK's attempts at a request without waiting between them ({@link #noWaits}).
     */
    private record Store(LoopbackDynamoDb table, TcpProxy relay, DynamoDbClient client, AppSyncEmulator appSync)
            implements AutoCloseable {

        static Store start(URI cognito) {
            LoopbackDynamoDb table = LoopbackDynamoDb.start();
            TcpProxy relay = TcpProxy.start(table.endpoint(), Duration.ZERO);
            URI relayed = relay.uri(table.endpoint());
            DynamoDbClient client = DynamoDbClient.builder().endpointOverride(relayed).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryStrategy(CutoverUnfinishedCopyTest::noWaits)).build();
            return new Store(table, relay, client, AppSyncEmulator.start(new AppSyncEmulatorConfig(
                    Emulators.TEMPLATE, "127.0.0.1", 0, null, relayed, "us-east-1", Duration.ofSeconds(60), cognito),
                    client));
        }

        @Override
        public void close() {
            try (table; relay; client; appSync) {
                // closed in reverse order: the emulator, its client, the relay, the table
            }
        }
    }

    /**
     * The SDK's attempts at a call, without its waits between them: they change nothing once a proxy drops every
     * request (the network lost), and add seconds to each call that fails (DynamoDB's default, up to nine attempts
     * with backoff, repeated at each of the client's own attempts at the AppSync call).
     */
    private static void noWaits(RetryStrategy.Builder<?, ?> retry) {
        retry.backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately());
    }

    /** The cutover remote, its Cognito Sync client as the builder's but for the waits between attempts. */
    private static RemoteStore withoutWaits(ManagerWiring wiring, AwsCredentialsProvider credentials) {
        CognitoSyncClient client = CognitoSyncClient.builder().region(Region.of(wiring.pool().region()))
                .endpointOverride(Objects.requireNonNull(wiring.cognitoEndpoint())).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(CutoverUnfinishedCopyTest::noWaits)).build();
        return new CutoverRemoteStore(new CognitoSyncRemoteStore(client, wiring.pool()), wiring.appSync(credentials));
    }

    private static CognitoSyncManager cutover(Emulators emulators, AppSyncEmulator appSync,
            CognitoSyncManager legacy) {
        return cutover(emulators, appSync, legacy.getIdentityId());
    }

    private static CognitoSyncManager cutover(Emulators emulators, AppSyncEmulator appSync, String identity) {
        return emulators.device(Backend.CUTOVER).appSyncEndpoint(appSync.endpoint()).identityId(identity).build();
    }

    private static Map<String, String> records(String prefix, int n) {
        Map<String, String> records = new HashMap<>();
        for (int i = 0; i < n; i++) {
            records.put(prefix + i, "v" + i);
        }
        return records;
    }
}
