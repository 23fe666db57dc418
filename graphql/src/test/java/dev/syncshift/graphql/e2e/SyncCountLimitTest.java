package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Expectations.MISSING;
import static dev.syncshift.graphql.e2e.Patch.put;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API's counts are GraphQL Ints (32-bit), where Cognito Sync's are 64-bit: no write takes a dataset's count past
 * 2,147,483,646 (the largest Int, 2,147,483,647, is left to the dataset's deletion), so every dataset stays readable
 * and deletable. A push or import that would is refused with LimitExceededException and writes nothing.
 */
class SyncCountLimitTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    static final long LARGEST_INT = Integer.MAX_VALUE;
    static final long LIMIT = LARGEST_INT - 1;
    static final String REFUSED = "\"LimitExceededException\"";

    static Stream<CallScenario> scenarios() {
        Step atLimit = (api, me) -> api.importDataset(me, importTo(0, LIMIT));
        return Stream.of(
                new CallScenario("whatever a device imports and pushes, its datasets stay readable", List.of(),
                        (api, me) -> {
                            api.importDataset(me, importTo(0, LARGEST_INT));
                            api.updateRecords(me, "ds", put("k", "v", 0));
                            return api.listDatasets(me);
                        }, Map.of("/errors", MISSING)),
                new CallScenario("an import to the largest Int is refused and writes nothing", List.of(),
                        (api, me) -> api.importDataset(me, importTo(0, LARGEST_INT)),
                        Map.of("/data", "null", "/errors/0/errorType", REFUSED, "/errors/0/message",
                                "\"SyncCount 2147483647 of dataset ds exceeds the limit of 2147483646, the largest "
                                        + "this API's 32-bit counts leave a dataset before its deletion\"")),
                new CallScenario("a push past the limit is refused and the dataset is as it was", List.of(atLimit,
                        Step.refused("LimitExceededException", (api, me) -> api.updateRecords(me, "ds",
                                put("k", "v", 0)))),
                        (api, me) -> api.listDatasets(me),
                        Map.of("/data/listDatasets/0/syncCount", String.valueOf(LIMIT),
                                "/data/listDatasets/0/numRecords", "1", "/errors", MISSING)),
                new CallScenario("a syncDataset past the limit is refused", List.of(atLimit),
                        (api, me) -> api.syncDataset(me, "ds", LIMIT, put("k", "v", 0)),
                        Map.of("/data", "null", "/errors/0/errorType", REFUSED)),
                new CallScenario("a dataset at the limit can be deleted", List.of(atLimit),
                        (api, me) -> api.deleteDataset(me, "ds"),
                        Map.of("/data/deleteDataset/datasetSyncCount", String.valueOf(LARGEST_INT), "/errors",
                                MISSING)),
                new CallScenario("re-creating a dataset deleted at the largest Int is refused",
                        List.of(atLimit, (api, me) -> api.deleteDataset(me, "ds")),
                        (api, me) -> api.updateRecords(me, "ds", put("k", "v", 0)),
                        Map.of("/data", "null", "/errors/0/errorType", REFUSED)),
                new CallScenario("an import applied as a revision past the limit is refused", List.of(
                        (api, me) -> api.importDataset(me, importTo(0, LIMIT - 1)),
                        (api, me) -> api.updateRecords(me, "ds", put("pushed", "v", 0))),
                        (api, me) -> api.importDataset(me, importTo(LIMIT - 1, LIMIT)),
                        Map.of("/data", "null", "/errors/0/errorType", REFUSED)),
                new CallScenario("the migrator's import to the largest Int is refused", List.of(),
                        (api, me) -> api.adminImport(SyncshiftApi.MIGRATOR, ImportInputs.dataset(me.identityId(),
                                "ds", LARGEST_INT, List.of(ImportInputs.record("import", "v", LARGEST_INT)))),
                        Map.of("/data", "null", "/errors/0/errorType", REFUSED)));
    }

    /** A device's import of Cognito's changes (from, to] of "ds": one record, "import", at count to. */
    private static Map<String, Object> importTo(long from, long to) {
        return ImportInputs.changes("ds", from, to, true, List.of(ImportInputs.record("import", "v" + to, to)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void keepsEveryCountWithinTheApisInt(CallScenario scenario, AppSyncEmulator emulator) {
        scenario.verify(emulator);
    }
}
