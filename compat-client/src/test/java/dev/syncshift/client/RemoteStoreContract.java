package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.remote.appsync.AppSyncRemoteStore;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.remote.cognito.CognitoSyncRemoteStore;
import dev.syncshift.client.spi.PushResult;
import dev.syncshift.client.spi.RemoteChanges;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * The contract of {@link RemoteStore}, which every adapter's test extends: each test acts as a new Cognito identity
 * with credentials from the Cognito emulator, against the emulators over HTTP.
 */
@ExtendWith(EmulatorsExtension.class)
abstract class RemoteStoreContract {

    protected RemoteStore remote;
    protected DatasetKey key;
    protected CognitoIdentityCredentials credentials;

    /** The adapter under test, signing with {@code credentials}. */
    abstract RemoteStore newRemote(Emulators emulators, IdentityPoolId pool, CognitoIdentityCredentials credentials);

    @BeforeEach
    void connect(Emulators emulators) {
        IdentityPoolId pool = new IdentityPoolId(emulators.poolId());
        CognitoIdentityClient identity = CognitoIdentityClient.builder().endpointOverride(emulators.cognito()
                .endpoint()).region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
        credentials = new CognitoIdentityCredentials(identity, pool, null, Map::of, Clock.systemUTC(),
                (a, b, source) -> true);
        remote = newRemote(emulators, pool, credentials);
        key = new DatasetKey(credentials.identityId(), new DatasetName("contract"));
    }

    @AfterEach
    void close() {
        remote.close();
    }

    static RecordPatch put(String k, String v, long count) {
        return RecordPatch.replace(new RecordKey(k), v, new SyncCount(count));
    }

    @Test
    void aDatasetNeverWrittenDoesNotExistAndHasNoRecords() {
        RemoteChanges changes = remote.listUpdates(key, SyncCount.ZERO);

        assertThat(changes.exists()).isFalse();
        assertThat(changes.records()).isEmpty();
        assertThat(changes.datasetSyncCount()).isEqualTo(SyncCount.ZERO);
    }

    @Test
    void aPushRaisesTheCountByOneAndIsListedAfterTheCountBefore() {
        PushResult first = remote.putRecords(key, List.of(put("a", "1", 0), put("b", "2", 0)));
        PushResult second = remote.putRecords(key, List.of(put("a", "1b", 1)));

        RemoteChanges after = remote.listUpdates(key, new SyncCount(1));

        assertThat(first.syncCount()).isEqualTo(new SyncCount(1));
        assertThat(second.records()).singleElement().satisfies(r -> {
            assertThat(r.syncCount()).isEqualTo(new SyncCount(2));
            assertThat(r.lastModifiedBy()).isEqualTo(key.identityId().value());
        });
        assertThat(after.exists()).isTrue();
        assertThat(after.datasetSyncCount()).isEqualTo(new SyncCount(2));
        assertThat(after.records()).filteredOn(r -> r.syncCount().isAfter(new SyncCount(1)))
                .extracting(r -> r.key().value()).containsExactly("a");
    }

    @Test
    void aStalePushIsADataConflictAndWritesNothing() {
        remote.putRecords(key, List.of(put("a", "1", 0)));

        assertThatThrownBy(() -> remote.putRecords(key, List.of(put("b", "new", 0), put("a", "stale", 0))))
                .isInstanceOf(DataConflictException.class)
                .hasMessageContaining("Current SyncCount for: a is: 1 not: 0")
                // the service's name for the request, for a support case, on every backend
                .satisfies(e -> assertThat(e.getMessage()).containsPattern("Request ID: [0-9a-f-]{36}"));
        assertThat(remote.listUpdates(key, SyncCount.ZERO).records()).extracting(r -> r.value()).containsExactly("1");
    }

    @Test
    void deletingADatasetThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> remote.deleteDataset(key)).isInstanceOf(DatasetNotFoundException.class);
    }

    @Test
    void aDeletedDatasetIsReportedDeletedToADeviceThatSawIt() {
        remote.putRecords(key, List.of(put("a", "1", 0)));
        remote.deleteDataset(key);

        RemoteChanges changes = remote.listUpdates(key, new SyncCount(1));

        assertThat(changes.exists()).isFalse();
        assertThat(changes.deletedAfterRequestedSyncCount()).isTrue();
        assertThat(remote.listDatasets(key.identityId())).isEmpty();
    }

    @Test
    void listDatasetsShowsSizes() {
        remote.putRecords(key, List.of(put("k", "é€", 0)));

        assertThat(remote.listDatasets(key.identityId())).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo(key);
            assertThat(d.numRecords()).isEqualTo(1);
            assertThat(d.dataStorage()).isEqualTo(6);
        });
    }

    /** The AppSync adapter of the emulators. */
    static AppSyncRemoteStore appSync(Emulators emulators, CognitoIdentityCredentials credentials) {
        return new AppSyncRemoteStore(emulators.graphql(), AppSyncRemoteStore.realtimeEndpoint(emulators.graphql()),
                "us-east-1", credentials, Clock.systemUTC());
    }

    /** The Cognito Sync adapter of the emulators. */
    static CognitoSyncRemoteStore cognito(Emulators emulators, IdentityPoolId pool,
            CognitoIdentityCredentials credentials) {
        return new CognitoSyncRemoteStore(software.amazon.awssdk.services.cognitosync.CognitoSyncClient.builder()
                .endpointOverride(emulators.cognito().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build(), pool);
    }

    IdentityId identity() {
        return key.identityId();
    }
}
