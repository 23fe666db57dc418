package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;

/**
 * A cutover device's import of a Cognito dataset whose count is above 2,147,483,646 (Cognito Sync's counts are 64-bit;
 * the API's are GraphQL Ints, and its resolvers keep every dataset one below the largest) fails its synchronize with
 * {@link DataLimitExceededException}, as a push past it on AppSync does, before anything is sent: the dataset stays
 * on Cognito Sync as it was, the device keeps its local edits, and the identity's other datasets go on. Here the count
 * is past the largest Int itself, which GraphQL's own check of the argument refused before, and the app got an
 * untyped {@link DataStorageException} ("Expected value to be in the integer range"). The count comes from a fixture
 * (no push could make it).
 */
class CutoverCountLimitTest {

    private static final String POOL = "us-east-1:0a1b2c3d-0000-4000-8000-00000000c0de";
    private static final String IDENTITY = "us-east-1:aaaaaaaa-0000-4000-8000-000000000001";
    private static final long PAST_THE_INT = Integer.MAX_VALUE + 1L;

    private static Emulators started;
    private static Emulators emulators;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        Path fixture = dir.resolve("counts.json");
        Files.writeString(fixture, "{\"format\": \"syncshift-cognito-sync-fixture/1\", "
                + "\"pools\": [{\"identityPoolId\": \"" + POOL + "\", \"identityPoolName\": \"counts\", "
                + "\"allowUnauthenticatedIdentities\": true, "
                + "\"creationDate\": \"2024-01-01T00:00:00Z\", \"identities\": [{\"identityId\": \"" + IDENTITY
                + "\", \"creationDate\": \"2024-01-02T00:00:00Z\", \"lastModifiedDate\": \"2024-01-02T00:00:00Z\", "
                + "\"datasets\": [" + dataset("huge", PAST_THE_INT) + "," + dataset("small", 1)
                + "," + dataset("gone", PAST_THE_INT) + "]}]}]}");
        started = Emulators.start(config -> config.fixture(fixture));
        emulators = new Emulators(started.cognito(), started.appSync(), POOL);
    }

    @AfterAll
    static void stop() {
        started.close();
    }

    @Test
    void anImportPastTheApisCountsFailsTypedAndLeavesTheDatasetOnCognito() {
        try (CognitoSyncManager device = emulators.device(Backend.CUTOVER).identityId(IDENTITY).build();
                CognitoSyncManager onAppSync = emulators.device(Backend.APPSYNC).identityId(IDENTITY).build();
                CognitoSyncClient operator = emulators.developerSync()) {
            Dataset huge = device.openOrCreateDataset("huge");
            huge.put("local", "edit");

            DataStorageException failure = syncFailure(huge);

            assertThat(failure).isInstanceOf(DataLimitExceededException.class).hasMessageContaining("SyncCount "
                    + "2147483648 of dataset huge exceeds the limit of 2147483646, the largest this API's 32-bit "
                    + "counts leave a dataset before its deletion");
            assertThat(huge.get("local")).isEqualTo("edit");
            ListRecordsResponse cognito = operator.listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY)
                    .datasetName("huge"));
            assertThat(cognito.datasetSyncCount()).isEqualTo(PAST_THE_INT);
            assertThat(cognito.records()).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("k");
                assertThat(record.value()).isEqualTo("cognito's");
            });
            onAppSync.refreshDatasetMetadata();
            assertThat(onAppSync.listDatasets()).extracting(DatasetMetadata::getDatasetName).doesNotContain("huge");
            Dataset small = device.openOrCreateDataset("small");
            sync(small);
            assertThat(small.get("k")).isEqualTo("cognito's");
        }
    }

    /**
     * AppSync cannot hold the dataset, so it cannot record its deletion: the deletion is made where the dataset is,
     * on Cognito Sync, and it stays deleted for the app (where a deletion made on AppSync alone deleted nothing, and
     * the next listing brought the dataset back).
     */
    @Test
    void aDeletionOfADatasetPastTheApisCountsIsMadeOnCognitoSync() {
        try (CognitoSyncManager device = emulators.device(Backend.CUTOVER).identityId(IDENTITY).build();
                CognitoSyncClient operator = emulators.developerSync()) {
            Dataset gone = device.openOrCreateDataset("gone");
            gone.delete();
            RecordingCallback callback = new RecordingCallback();
            gone.synchronize(callback);
            assertThat(callback.ending()).isNull();

            device.refreshDatasetMetadata();
            assertThat(device.listDatasets()).noneMatch(d -> d.getDatasetName().equals("gone"));
            assertThat(operator.listDatasets(r -> r.identityPoolId(POOL).identityId(IDENTITY)).datasets())
                    .noneMatch(d -> d.datasetName().equals("gone"));
        }
    }

    private static String dataset(String name, long count) {
        return "{\"datasetName\": \"" + name + "\", \"exists\": true, \"syncCount\": " + count
                + ", \"creationDate\": \"2024-01-03T00:00:00Z\", \"lastModifiedDate\": \"2024-01-04T00:00:00Z\", "
                + "\"lastModifiedBy\": \"123456789012\", \"records\": [{\"key\": \"k\", \"value\": \"cognito's\", "
                + "\"syncCount\": " + count + ", \"lastModifiedDate\": \"2024-01-04T00:00:00Z\", "
                + "\"lastModifiedBy\": \"123456789012\"}]}";
    }
}
