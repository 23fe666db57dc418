package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Expectations.MISSING;
import static dev.syncshift.graphql.e2e.Patch.put;
import static dev.syncshift.graphql.e2e.Patch.remove;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cognito Sync's limits (Amazon Cognito Sync developer guide, limits): 20 datasets per identity, 1,024 live records and
 * 1 MB of key+value UTF-8 bytes per dataset give LimitExceededException and write nothing; tombstones and deleted
 * datasets free room. Plus DynamoDB's own: one push is one transaction of at most 100 writes. A device's
 * importDataset (cutover) is held to the same limits: what it writes is what the device sends.
 */
class LimitsTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    static final String LIMIT = "\"LimitExceededException\"";
    static final int MAX_BYTES = 1_048_576;

    static Stream<CallScenario> scenarios() {
        List<Step> twentyDatasets = IntStream.range(0, 20)
                .<Step>mapToObj(i -> (api, me) -> api.updateRecords(me, "ds" + i, put("k", "v", 0))).toList();
        List<Step> records1024 = fill("ds", 1024);
        Step fullMegabyte = (api, me) -> api.updateRecords(me, "ds", put("a", "x".repeat(MAX_BYTES - 1), 0));
        return Stream.of(
                new CallScenario("a 21st dataset is refused", twentyDatasets,
                        (api, me) -> api.updateRecords(me, "ds20", put("k", "v", 0)),
                        Map.of("/data", "null", "/errors/0/errorType", LIMIT)),
                new CallScenario("a 21st dataset writes nothing", with(twentyDatasets,
                        Step.refused("LimitExceededException", (api, me) -> api.updateRecords(me, "ds20",
                                put("k", "v", 0)))),
                        (api, me) -> api.listRecords(me, "ds20", 0),
                        Map.of("/data/listRecords/datasetExists", "false")),
                new CallScenario("a deleted dataset frees its slot", with(twentyDatasets,
                        (api, me) -> api.deleteDataset(me, "ds3")),
                        (api, me) -> api.updateRecords(me, "ds20", put("k", "v", 0)),
                        Map.of("/data/updateRecords/datasetSyncCount", "1", "/errors", MISSING)),
                new CallScenario("the 1,025th record is refused", records1024,
                        (api, me) -> api.updateRecords(me, "ds", put("one-more", "v", 0)),
                        Map.of("/data", "null", "/errors/0/errorType", LIMIT)),
                new CallScenario("a tombstone frees a record slot",
                        with(records1024, (api, me) -> api.updateRecords(me, "ds", remove("r0", 1))),
                        (api, me) -> api.updateRecords(me, "ds", put("one-more", "v", 0)),
                        Map.of("/data/updateRecords/datasetSyncCount", "13", "/errors", MISSING)),
                new CallScenario("exactly 1 MB of key and value is accepted", List.of(), fullMegabyte,
                        Map.of("/data/updateRecords/datasetSyncCount", "1", "/errors", MISSING)),
                new CallScenario("one byte over 1 MB is refused", List.of(fullMegabyte),
                        (api, me) -> api.updateRecords(me, "ds", put("b", "", 0)),
                        Map.of("/data", "null", "/errors/0/errorType", LIMIT)),
                new CallScenario("a refused push over 1 MB writes nothing",
                        List.of(fullMegabyte, Step.refused("LimitExceededException",
                                (api, me) -> api.updateRecords(me, "ds", put("b", "", 0)))),
                        (api, me) -> api.describeDataset(me, "ds"),
                        Map.of("/data/describeDataset/numRecords", "1", "/data/describeDataset/syncCount", "1",
                                "/data/describeDataset/dataStorage", String.valueOf(MAX_BYTES))),
                new CallScenario("shrinking a value makes room within 1 MB",
                        List.of(fullMegabyte, (api, me) -> api.updateRecords(me, "ds", put("a", "small", 1))),
                        (api, me) -> api.updateRecords(me, "ds", put("b", "x".repeat(500_000), 0)),
                        Map.of("/data/updateRecords/datasetSyncCount", "3", "/errors", MISSING)),
                new CallScenario("a push that creates the dataset takes 98 records (plus metadata and lock)",
                        List.of(), (api, me) -> api.updateRecords(me, "ds", patches(0, 98)),
                        Map.of("/data/updateRecords/records/97/syncCount", "1", "/errors", MISSING)),
                new CallScenario("a push to an existing dataset takes 99 records (plus metadata)",
                        List.of((api, me) -> api.updateRecords(me, "ds", put("seed", "v", 0))),
                        (api, me) -> api.updateRecords(me, "ds", patches(0, 99)),
                        Map.of("/data/updateRecords/records/98/syncCount", "2", "/errors", MISSING)),
                new CallScenario("a push of 100 records exceeds one transaction and must be split", List.of(),
                        (api, me) -> api.updateRecords(me, "ds", patches(0, 100)),
                        Map.of("/data", "null", "/errors/0/errorType", LIMIT)),
                new CallScenario("an import that would make a 21st dataset is refused", twentyDatasets,
                        (api, me) -> api.importDataset(me, oneRecord("ds20", "v")),
                        Map.of("/data", "null", "/errors/0/errorType", LIMIT)),
                new CallScenario("an import refused for a 21st dataset writes nothing", with(twentyDatasets,
                        Step.refused("LimitExceededException",
                                (api, me) -> api.importDataset(me, oneRecord("ds20", "v")))),
                        (api, me) -> api.listRecords(me, "ds20", 0),
                        Map.of("/data/listRecords/datasetExists", "false")),
                new CallScenario("an import of a 1,025th record is refused", records1024,
                        (api, me) -> api.importDataset(me, oneRecord("ds", "v")),
                        Map.of("/data", "null", "/errors/0/errorType", LIMIT)),
                new CallScenario("an import over 1 MB is refused", List.of(fullMegabyte),
                        (api, me) -> api.importDataset(me, oneRecord("ds", "")),
                        Map.of("/data", "null", "/errors/0/errorType", LIMIT)),
                new CallScenario("an import of exactly 1 MB is accepted", List.of(),
                        (api, me) -> api.importDataset(me, oneRecord("ds", "x".repeat(MAX_BYTES - "import".length()))),
                        Map.of("/data/importDataset/datasetSyncCount", "1", "/errors", MISSING)));
    }

    /** A device's import of Cognito's count 1 of {@code dataset}: one record, "import", at watermark 0. */
    private static Map<String, Object> oneRecord(String dataset, String value) {
        return ImportInputs.changes(dataset, 0, 1, true, List.of(ImportInputs.record("import", value, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void enforcesTheServiceLimits(CallScenario scenario, AppSyncEmulator emulator) {
        scenario.verify(emulator);
    }

    /** Pushes of 98 new records each (what a push creating the dataset may take) until it holds {@code records}. */
    static List<Step> fill(String dataset, int records) {
        List<Step> steps = new ArrayList<>();
        for (int from = 0; from < records; from += 98) {
            int start = from;
            int end = Math.min(records, from + 98);
            steps.add((api, me) -> {
                Answer answer = api.updateRecords(me, dataset, patches(start, end));
                assertThat(answer.ok()).as(answer.body().toString()).isTrue();
                return answer;
            });
        }
        return steps;
    }

    static List<Patch> patches(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> put("r" + i, "value " + i, 0)).toList();
    }

    static List<Step> with(List<Step> steps, Step last) {
        List<Step> all = new ArrayList<>(steps);
        all.add(last);
        return all;
    }
}
