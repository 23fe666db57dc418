package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.remote.cognito.CognitoSyncRemoteStore;
import dev.syncshift.client.remote.cutover.CutoverRemoteStore;
import dev.syncshift.client.spi.RemoteStore;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * A cutover import's first copy cut off between its parts, and then a cutover device's synchronize while Cognito Sync
 * cannot be reached: the part AppSync stored is not taken for a dataset AppSync has (docs/compat-client.md,
 * "Cutover"; the set-up in {@link CutoverUnfinishedCopyBase}).
 */
class CutoverUnfinishedCopyOfflineTest extends CutoverUnfinishedCopyBase {

    /**
     * While Cognito Sync cannot be reached, a cutover device goes on with a dataset AppSync has, and fails the
     * synchronize of one AppSync does not have (docs/compat-client.md: going on would show the app an empty dataset,
     * and defaults it then writes would win over the user's data at the import). A first copy cut off after its
     * first part leaves a metadata item, so the device takes the dataset for one AppSync has and shows the app part
     * of it; a default written for a missing key is then a later write than Cognito's value, and wins at the import.
     */
    @Test
    void anUnfinishedFirstCopyIsNotTakenForADatasetAppSyncHasWhileCognitoIsOutOfReach() {
        offlineOverAnUnfinishedCopy("library", records("b", 150), false, (device, d, ending, cognitoProxy) ->
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
    void aDefaultWrittenOverAnUnfinishedFirstCopyDoesNotReplaceTheUsersValue() {
        Map<String, String> users = records("c", 150);
        offlineOverAnUnfinishedCopy("settings", users, false, (device, d, ending, cognitoProxy) -> {
            String missing = writeDefaultForAMissingKey(d, users, cognitoProxy);

            RecordingCallback back = new RecordingCallback().resolvingWith(SyncConflict::resolveWithRemoteRecord);
            d.synchronize(back);
            back.succeeded();

            assertThat(d.get(missing)).as("%s, which the user set on Cognito Sync (conflicts reported: %s)",
                    missing, back.conflicts().size()).isEqualTo(users.get(missing));
        });
    }

    /**
     * The same push as in {@link CutoverUnfinishedCopyDeletionTest} (an app on AppSync, no import) over an unfinished
     * first copy, then a cutover device's synchronize while Cognito Sync cannot be reached: AppSync still holds only
     * part of a first copy (98 of the user's 150 records, and the phone's one), which docs/compat-client.md says is
     * not a dataset AppSync has, but with its mark gone {@code ensureImported} takes it for one and goes on. A default
     * the app writes for a key it does not find is then a later write on AppSync than the user's value on Cognito
     * Sync, and wins at the import once Cognito Sync is back (the import from 0 is a revision, a two-sided key settled
     * by the later date).
     */
    @Test
    void aPushOverAnUnfinishedFirstCopyDoesNotMakeItADatasetAppSyncHas() {
        Map<String, String> users = records("c", 150);
        offlineOverAnUnfinishedCopy("settings", users, true, (device, d, ending, cognitoProxy) -> {
            String missing = writeDefaultForAMissingKey(d, users, cognitoProxy);

            try (CognitoSyncManager next = cutover(device)) {
                Dataset again = next.openOrCreateDataset("settings");
                sync(again);
                assertThat(again.get(missing)).as("%s, which the user set on Cognito Sync (the device was shown "
                        + "%d records while Cognito Sync was out of reach)", missing, d.getAll().size())
                        .isEqualTo(users.get(missing));
            }
        });
    }

    /** What a test does once a cutover device's synchronize of an unfinished copy ended, Cognito Sync out of reach. */
    private interface OfflineStep {
        void run(CognitoSyncManager device, Dataset dataset, DataStorageException ending, TcpProxy cognitoProxy);
    }

    /**
     * The user's {@code records} in {@code dataset} on Cognito Sync, a first copy of them cut off after its first part
     * ({@link #cutOffAfterTheFirstPart}), then, if {@code pushed}, a record pushed by a phone on the appsync backend
     * ({@link #copyCutOffThenPushedOnAppSync}), and another cutover device's synchronize of the dataset while Cognito
     * Sync cannot be reached (its proxy dropping every connection), which {@code then} follows.
     */
    private void offlineOverAnUnfinishedCopy(String dataset, Map<String, String> records, boolean pushed,
            OfflineStep then) {
        URI cognito = emulators.cognito().endpoint();
        try (TcpProxy cognitoProxy = TcpProxy.start(cognito, Duration.ZERO);
                CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            if (pushed) {
                copyCutOffThenPushedOnAppSync(legacy, dataset, records);
            } else {
                firstCopyCutOff(legacy, dataset, records);
            }

            try (CognitoSyncManager device = cutoverBuilder().cognitoEndpoint(cognitoProxy.uri(cognito))
                    .identityId(legacy.getIdentityId()).remoteStore(CutoverUnfinishedCopyOfflineTest::withoutWaits)
                    .build()) {
                sync(device.openOrCreateDataset("warm-up"));
                cognitoProxy.dropRate(1);
                Dataset d = device.openOrCreateDataset(dataset);
                RecordingCallback offline = new RecordingCallback();
                d.synchronize(offline);
                then.run(device, d, offline.ending(), cognitoProxy);
            }
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

    /**
     * The cutover remote, its Cognito Sync client as the builder's but for the waits between attempts
     * ({@link #noWaits}): with Cognito Sync out of reach they add seconds to each synchronize, and change nothing.
     */
    private static RemoteStore withoutWaits(ManagerWiring wiring, AwsCredentialsProvider credentials) {
        CognitoSyncClient client = CognitoSyncClient.builder().region(Region.of(wiring.pool().region()))
                .endpointOverride(Objects.requireNonNull(wiring.cognitoEndpoint())).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(CutoverUnfinishedCopyBase::noWaits)).build();
        return new CutoverRemoteStore(new CognitoSyncRemoteStore(client, wiring.pool()), wiring.appSync(credentials));
    }
}
