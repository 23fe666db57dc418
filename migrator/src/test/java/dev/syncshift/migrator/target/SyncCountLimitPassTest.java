package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.Cutover;
import dev.syncshift.migrator.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cognito dataset whose sync count, or a record's, is above 2,147,483,646 (Cognito Sync's counts are 64-bit; the
 * API's are GraphQL Ints, one of which is left to a dataset's deletion) is not migrated: a full pass, a delta pass
 * (also where Cognito's changes would be applied as AppSync revisions past it) and a write-back pass report it with
 * the reason and leave the store as it was, verify reports it, and the identity's other datasets migrate and stay
 * readable through the API. The counts come from a fixture (no push could make them).
 */
class SyncCountLimitPassTest {

    private static final IdentityPoolId POOL = new IdentityPoolId("us-east-1:0a1b2c3d-0000-4000-8000-00000000c0de");
    private static final long LIMIT = Integer.MAX_VALUE - 1L;
    private static final String FULL = "us-east-1:aaaaaaaa-0000-4000-8000-000000000001";
    private static final String DELTA = "us-east-1:aaaaaaaa-0000-4000-8000-000000000002";
    private static final String WRITE_BACK = "us-east-1:aaaaaaaa-0000-4000-8000-000000000003";
    private static final String REVISIONS = "us-east-1:aaaaaaaa-0000-4000-8000-000000000004";
    private static final String DELETED = "us-east-1:aaaaaaaa-0000-4000-8000-000000000005";
    private static final String OLD_COPY = "us-east-1:aaaaaaaa-0000-4000-8000-000000000006";
    private static final String MERGED = "prefs.us-east-1:bbbbbbbb-0000-4000-8000-000000000009";
    private static final String REASON = "is above 2147483646, the highest sync count the API's 32-bit GraphQL Ints "
            + "leave a dataset (a count past it would fail every read of the identity's datasets through the API): "
            + "nothing of the dataset was written, and it stays in Cognito Sync as it is";

    private static Cutover cutover;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        Path fixture = dir.resolve("counts.json");
        Files.writeString(fixture, fixture());
        cutover = Cutover.start(fixture, POOL);
    }

    @AfterAll
    static void stop() {
        cutover.close();
    }

    @Test
    void aFullPassAndVerifyReportDatasetsAboveTheLimitAndCopyTheOthers() {
        IdentityId identity = new IdentityId(FULL);

        IdentityOutcome pass = cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(identity);

        assertThat(failures(pass)).containsOnly(
                Map.entry("huge", "the dataset's sync count in Cognito Sync, 2147483647, " + REASON),
                Map.entry(MERGED, "the sync count of record k, 2147483648, " + REASON));
        assertThat(cutover.table().datasets(identity).keySet()).extracting(DatasetName::value)
                .containsExactly("small");
        assertThat(cutover.device(FULL).appSyncDatasets()).containsExactly(Map.entry("small", 2L));
        IdentityOutcome verified = cutover.verifier().migrate(identity);
        assertThat(failures(verified)).containsOnlyKeys("huge", MERGED);
        assertThat(verified.datasets()).allSatisfy(d -> assertThat(d.mismatches()).isEmpty());
    }

    @Test
    void aDeltaPassReportsADatasetCognitoTookPastTheLimitAndLeavesItsCopy() {
        IdentityId identity = new IdentityId(DELTA);
        Device device = cutover.device(DELTA);
        assertThat(failures(cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(identity))).isEmpty();
        Map<DatasetName, StoredDataset> copied = cutover.table().datasets(identity);
        device.cognitoPut("edge", "k", "past the limit");
        device.cognitoPut("small", "b", "moved on");

        IdentityOutcome delta = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(identity);

        assertThat(failures(delta)).containsOnly(
                Map.entry("edge", "the dataset's sync count in Cognito Sync, 2147483647, " + REASON));
        assertThat(cutover.table().datasets(identity).get(new DatasetName("edge")))
                .isEqualTo(copied.get(new DatasetName("edge")));
        assertThat(device.appSyncDatasets()).containsOnly(Map.entry("edge", LIMIT), Map.entry("small", 3L));
        assertThat(device.appSyncRecords("small", 0).get("b").path("value").asText()).isEqualTo("moved on");
    }

    @Test
    void aDeltaPassReportsCognitoChangesThatRevisionsWouldTakePastTheLimit() {
        IdentityId identity = new IdentityId(REVISIONS);
        Device device = atTheLimitOnAppSync(REVISIONS);
        device.cognitoPut("edge", "k", "in Cognito at the limit");
        Map<DatasetName, StoredDataset> before = cutover.table().datasets(identity);

        IdentityOutcome delta = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(identity);

        assertThat(failures(delta)).containsOnly(Map.entry("edge",
                "the count the import would give the dataset in the store, 2147483647, " + REASON));
        assertThat(cutover.table().datasets(identity)).isEqualTo(before);
        assertThat(device.appSyncDatasets()).containsOnly(Map.entry("edge", LIMIT), Map.entry("small", 2L));
    }

    @Test
    void aDeltaPassAppliesCognitosDeletionOfADatasetAtTheLimitAsTheApiWould() {
        IdentityId identity = new IdentityId(DELETED);
        Device device = atTheLimitOnAppSync(DELETED);
        device.cognitoDelete("edge");

        IdentityOutcome delta = cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(identity);

        // the API's own deleteDataset takes a dataset at the limit to the largest Int, which stays readable
        assertThat(failures(delta)).isEmpty();
        StoredDataset edge = cutover.table().datasets(identity).get(new DatasetName("edge"));
        assertThat(edge.deleted()).isTrue();
        assertThat(edge.metadata().syncCount().value()).isEqualTo(LIMIT + 1);
        assertThat(device.appSyncDatasets()).containsOnly(Map.entry("small", 2L));
        assertThat(failures(cutover.verifier().migrate(identity))).isEmpty();
        assertThat(failures(cutover.migrator(false, ConflictPolicy.KEEP_COGNITO).migrate(identity))).isEmpty();
        assertThat(cutover.table().datasets(identity).get(new DatasetName("edge"))).isEqualTo(edge);
    }

    /** Identity {@code id}'s device, once a full pass copied it and a push on AppSync took "edge" to the limit. */
    private static Device atTheLimitOnAppSync(String id) {
        Device device = cutover.device(id);
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(id));
        assertThat(device.appSyncPut("edge", "on-appsync", "v")).isEqualTo(LIMIT);
        return device;
    }

    @Test
    void verifyReportsADatasetAnEarlierVersionCopiedPastTheLimit() {
        IdentityId identity = new IdentityId(OLD_COPY);
        DatasetName huge = new DatasetName("huge");
        // what the migrator wrote before SyncCountLimit: Cognito's counts as they were
        DatasetSource read = new DatasetSource(huge, cutover.source().listDatasets(identity).stream()
                .filter(d -> d.name().equals(huge)).findFirst().orElseThrow(),
                cutover.source().listRecords(identity, huge, SyncCount.ZERO),
                SyncCount.ZERO, false);
        CopyPlanner.plan(identity, read, null, Map.of()).transactions()
                .forEach(t -> assertThat(cutover.table().write(t.actions())).isEmpty());
        assertThat(cutover.table().datasets(identity).get(huge).metadata().syncCount().value()).isEqualTo(LIMIT + 2);

        IdentityOutcome verified = cutover.verifier().migrate(identity);

        // every read of the identity's datasets through the API fails: verify must not call the store sound
        assertThat(failures(verified)).containsOnly(Map.entry("huge", "the store holds the dataset at sync count "
                + "2147483648, above 2147483647, the largest GraphQL Int: every read of the identity's datasets "
                + "through the API fails (a count an earlier version of the migrator copied from Cognito Sync as it "
                + "was)"));
    }

    @Test
    void aWriteBackPassReportsADatasetAboveTheLimitAndWritesTheOthersBack() {
        IdentityId identity = new IdentityId(WRITE_BACK);
        Device device = cutover.device(WRITE_BACK);
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(identity);
        device.appSyncPut("small", "a", "written on AppSync");

        IdentityOutcome back = cutover.writeBack().migrate(identity);

        assertThat(failures(back)).containsOnly(
                Map.entry("huge", "the dataset's sync count in Cognito Sync, 2147483647, " + REASON));
        assertThat(cutover.table().datasets(identity).keySet()).extracting(DatasetName::value)
                .containsExactly("small");
        assertThat(device.cognitoRecords("small").get("a").value()).isEqualTo("written on AppSync");
        assertThat(device.cognitoRecords("huge").get("k").syncCount()).isEqualTo(LIMIT + 1);
    }

    private static Map<String, String> failures(IdentityOutcome outcome) {
        return outcome.datasets().stream().filter(d -> d.failure() != null)
                .collect(Collectors.toMap(d -> d.dataset().value(), DatasetOutcome::failure));
    }

    private static String fixture() {
        String identities = String.join(",", List.of(
                identity(FULL, String.join(",", dataset("huge", LIMIT + 1, record("k", LIMIT + 1)),
                        dataset(MERGED, 1, record("k", LIMIT + 2)), small())),
                identity(DELTA, String.join(",", dataset("edge", LIMIT, record("k", LIMIT)), small())),
                identity(REVISIONS, String.join(",", dataset("edge", LIMIT - 1, record("k", LIMIT - 1)), small())),
                identity(DELETED, String.join(",", dataset("edge", LIMIT - 1, record("k", LIMIT - 1)), small())),
                identity(OLD_COPY, dataset("huge", LIMIT + 2, record("k", LIMIT + 2))),
                identity(WRITE_BACK, String.join(",", dataset("huge", LIMIT + 1, record("k", LIMIT + 1)),
                        small()))));
        return "{\"format\": \"syncshift-cognito-sync-fixture/1\", \"pools\": [{\"identityPoolId\": \""
                + POOL.value() + "\", \"identityPoolName\": \"counts\", \"allowUnauthenticatedIdentities\": true, "
                + "\"developerProviderName\": \"" + Cutover.PROVIDER + "\", "
                + "\"creationDate\": \"2024-01-01T00:00:00Z\", \"identities\": [" + identities + "]}]}";
    }

    private static String identity(String id, String datasets) {
        return "{\"identityId\": \"" + id + "\", \"creationDate\": \"2024-01-02T00:00:00Z\", "
                + "\"lastModifiedDate\": \"2024-01-02T00:00:00Z\", \"datasets\": [" + datasets + "]}";
    }

    private static String small() {
        return dataset("small", 2, record("a", 1) + "," + record("b", 2));
    }

    private static String dataset(String name, long count, String records) {
        return "{\"datasetName\": \"" + name + "\", \"exists\": true, \"syncCount\": " + count
                + ", \"creationDate\": \"2024-01-03T00:00:00Z\", \"lastModifiedDate\": \"2024-01-04T00:00:00Z\", "
                + "\"lastModifiedBy\": \"123456789012\", \"records\": [" + records + "]}";
    }

    private static String record(String key, long count) {
        return "{\"key\": \"" + key + "\", \"value\": \"v" + count + "\", \"syncCount\": " + count
                + ", \"lastModifiedDate\": \"2024-01-04T00:00:00Z\", \"lastModifiedBy\": \"123456789012\"}";
    }
}
