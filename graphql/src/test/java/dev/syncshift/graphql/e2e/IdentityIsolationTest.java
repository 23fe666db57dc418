package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Expectations.MISSING;
import static dev.syncshift.graphql.e2e.Patch.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identity comes from credentials, never from arguments: identity B (and plain IAM roles) can never read, write or
 * delete identity A's data; only the migrator role reaches the admin fields; unsigned, unknown, wrongly signed and
 * tampered requests are refused at the HTTP level. After every attempt A's dataset is checked unchanged.
 */
class IdentityIsolationTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    static final String UNAUTHORIZED = "\"Unauthorized\"";
    static final String HTTP_UNAUTHORIZED = "\"UnauthorizedException\"";

    /** Who attempts something against A's dataset {@code private}. */
    @FunctionalInterface
    interface Attempt {
        Answer run(SyncOperations api, Caller a, Caller b);
    }

    /** One row: the attempt, the HTTP status, and JSON pointer → expected JSON text. */
    record Scenario(String name, Attempt attempt, int status, Map<String, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.concat(otherIdentity(), rolesAndSignatures());
    }

    static Stream<Scenario> otherIdentity() {
        return Stream.of(
                new Scenario("B listing records of a dataset of the same name sees only its own (none)",
                        (api, a, b) -> api.listRecords(b, "private", 0), 200,
                        Map.of("/data/listRecords/datasetExists", "false", "/data/listRecords/records", "[]")),
                new Scenario("B cannot describe A's dataset", (api, a, b) -> api.describeDataset(b, "private"), 200,
                        Map.of("/errors/0/errorType", "\"ResourceNotFoundException\"")),
                new Scenario("B's listDatasets does not show A's", (api, a, b) -> api.listDatasets(b), 200,
                        Map.of("/data/listDatasets", "[]")),
                new Scenario("B pushing with A's count conflicts with B's own empty dataset",
                        (api, a, b) -> api.updateRecords(b, "private", put("secret", "stolen", 1)), 200,
                        Map.of("/errors/0/errorType", "\"ResourceConflictException\"",
                                "/errors/0/message", "\"Current SyncCount for: secret is: 0 not: 1\"")),
                new Scenario("B pushing a new key writes B's own dataset",
                        (api, a, b) -> api.updateRecords(b, "private", put("secret", "b's", 0)), 200,
                        Map.of("/data/updateRecords/datasetSyncCount", "1")),
                new Scenario("B cannot delete A's dataset", (api, a, b) -> api.deleteDataset(b, "private"), 200,
                        Map.of("/errors/0/errorType", "\"ResourceNotFoundException\"")),
                new Scenario("B cannot subscribe-by-argument through syncDataset either",
                        (api, a, b) -> api.syncDataset(b, "private", 0), 200,
                        Map.of("/data/syncDataset/changes/records", "[]",
                                "/data/syncDataset/changes/datasetExists", "false")),
                new Scenario("B cannot call adminListRecords",
                        (api, a, b) -> api.adminListRecords(b, a.identityId(), "private", 0), 200,
                        Map.of("/data", "null", "/errors/0/errorType", UNAUTHORIZED)),
                new Scenario("B cannot call adminListDatasets",
                        (api, a, b) -> api.adminListDatasets(b, a.identityId()), 200,
                        Map.of("/data", "null", "/errors/0/errorType", UNAUTHORIZED)),
                new Scenario("B cannot call adminImportDataset",
                        (api, a, b) -> api.adminImport(b, ImportInputs.overwrite(a.identityId())), 200,
                        Map.of("/data", "null", "/errors/0/errorType", UNAUTHORIZED)));
    }

    static Stream<Scenario> rolesAndSignatures() {
        return Stream.of(
                new Scenario("a plain IAM role that is not the migrator cannot call admin fields",
                        (api, a, b) -> api.adminListRecords(SyncshiftApi.OPERATOR, a.identityId(), "private", 0),
                        200, Map.of("/errors/0/errorType", UNAUTHORIZED)),
                new Scenario("a plain IAM role cannot call user fields (it has no Cognito identity)",
                        (api, a, b) -> api.listRecords(SyncshiftApi.OPERATOR, "private", 0), 200,
                        Map.of("/errors/0/errorType", UNAUTHORIZED)),
                new Scenario("the migrator role cannot call user fields",
                        (api, a, b) -> api.listDatasets(SyncshiftApi.MIGRATOR), 200,
                        Map.of("/errors/0/errorType", UNAUTHORIZED)),
                new Scenario("the migrator role lists A's datasets",
                        (api, a, b) -> api.adminListDatasets(SyncshiftApi.MIGRATOR, a.identityId()), 200,
                        Map.of("/data/adminListDatasets/0/datasetName", "\"private\"",
                                "/data/adminListDatasets/0/identityId", "\"$a\"", "/errors", MISSING)),
                new Scenario("the migrator role reads A's records",
                        (api, a, b) -> api.adminListRecords(SyncshiftApi.MIGRATOR, a.identityId(), "private", 0), 200,
                        Map.of("/data/adminListRecords/records/0/value", "\"secret\"",
                                "/data/adminListRecords/identityId", "\"$a\"")),
                new Scenario("an unsigned request is refused",
                        (api, a, b) -> api.client().postUnsigned(SyncOperations.LIST_RECORDS,
                                Map.of("d", "private", "n", 0)), 401,
                        Map.of("/errors/0/errorType", HTTP_UNAUTHORIZED, "/data", MISSING)),
                new Scenario("an unsigned mutation is refused and writes nothing",
                        (api, a, b) -> api.client().postUnsigned(SyncOperations.DELETE_DATASET,
                                Map.of("d", "private")), 401,
                        Map.of("/errors/0/errorType", HTTP_UNAUTHORIZED)),
                new Scenario("A's key signed with a wrong secret is refused",
                        (api, a, b) -> api.deleteDataset(a.withWrongSecret(), "private"), 401,
                        Map.of("/errors/0/errorType", HTTP_UNAUTHORIZED)),
                new Scenario("A's temporary keys without their session token are refused",
                        (api, a, b) -> api.listDatasets(a.withoutSessionToken()), 401,
                        Map.of("/errors/0/errorType", HTTP_UNAUTHORIZED)),
                new Scenario("an unknown access key is refused",
                        (api, a, b) -> api.listDatasets(SyncshiftApi.UNKNOWN), 401,
                        Map.of("/errors/0/errorType", HTTP_UNAUTHORIZED)),
                new Scenario("a body other than the signed one is refused",
                        (api, a, b) -> api.client().postTampered(a.credentials(),
                                SignedGraphQlClient.body(SyncOperations.LIST_DATASETS, Map.of()),
                                SignedGraphQlClient.body("mutation { deleteDataset(datasetName: \"private\") "
                                        + "{ deleted } }", Map.of())), 401,
                        Map.of("/errors/0/errorType", HTTP_UNAUTHORIZED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void nobodyButAReachesAsData(Scenario scenario, AppSyncEmulator emulator) {
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        Caller a = SyncshiftApi.freshUser();
        Caller b = SyncshiftApi.freshUser();
        assertThat(api.updateRecords(a, "private", put("secret", "secret", 0)).ok()).isTrue();

        Answer answer = scenario.attempt().run(api, a, b);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(scenario.status());
        Map<String, String> expected = new java.util.HashMap<>();
        scenario.expected().forEach((pointer, text) -> expected.put(pointer, text.replace("$a", a.identityId())));
        Expectations.check(answer.body(), expected, b);
        Answer mine = api.listRecords(a, "private", 0);
        Expectations.check(mine.body(), Map.of("/data/listRecords/datasetSyncCount", "1",
                "/data/listRecords/records/0/value", "\"secret\"", "/data/listRecords/records/1", MISSING), a);
    }
}
