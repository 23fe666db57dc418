package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Expectations.MISSING;
import static dev.syncshift.graphql.e2e.ImportInputs.changes;
import static dev.syncshift.graphql.e2e.ImportInputs.record;
import static dev.syncshift.graphql.e2e.ImportInputs.recordAt;
import static dev.syncshift.graphql.e2e.Patch.put;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * importDataset, the cutover import a device makes of its own Cognito Sync state: the source-watermark condition
 * (the same the migrator's delta pass uses), copy mode, revision mode with two-sided changes settled by the later
 * date, parts, re-runs and refusals. Each scenario runs as a fresh identity; the identity is never an argument.
 */
class CutoverImportTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    static final String CONFLICT = "\"ResourceConflictException\"";
    static final String LATER = "2099-01-01T00:00:00.000Z";

    static final Step COPY = (api, me) -> api.importDataset(me, changes("ds", 0, 5, true,
            List.of(record("a", "cognito a", 3), record("b", "cognito b", 5))));
    static final Step PUSH = (api, me) -> api.updateRecords(me, "ds", put("b", "appsync b", 5), put("c", "c", 0));
    static final Step REVISION = (api, me) -> api.importDataset(me, changes("ds", 5, 8, true, List.of(
            record("a", "cognito a2", 7), recordAt("b", "cognito b2 later", 8, LATER), record("c", "older", 6))));
    static final Step EARLIER_PART = (api, me) -> api.importDataset(me, changes("ds", 0, 9, false,
            List.of(record("a", "1", 2), record("b", "2", 4))));
    static final Step LAST_PART = (api, me) -> api.importDataset(me, changes("ds", 0, 9, true,
            List.of(record("c", "3", 9))));
    static final Step PUSH_BETWEEN = (api, me) -> api.updateRecords(me, "ds", put("x", "1", 0));
    // Ten Cognito changes (W 5 -> 15) applied as one revision: the count T = 7 and W = 15 part ways.
    static final Step MANY_IN_ONE = (api, me) -> api.importDataset(me, changes("ds", 5, 15, true,
            List.of(record("a", "cognito a2", 7), record("d", "d", 10), record("e", "e", 15))));
    // A device writes a on AppSync at T + 1 = 8 (dated now, after every Cognito date here).
    static final Step PUSH_A = (api, me) -> api.updateRecords(me, "ds", put("a", "appsync a", 7));
    // A Cognito change of a above W, dated before the AppSync write.
    static final Step EARLIER_COGNITO_A = (api, me) -> api.importDataset(me, changes("ds", 15, 16, true,
            List.of(record("a", "cognito a3", 16))));
    static final List<Step> DIVERGED = List.of(COPY, PUSH, MANY_IN_ONE, PUSH_A);

    static Stream<CallScenario> scenarios() {
        return Stream.of(
                new CallScenario("copy mode keeps Cognito's counts and dates; count and watermark become C'",
                        List.of(COPY), (api, me) -> api.listRecords(me, "ds", 0),
                        Map.of("/data/listRecords/datasetSyncCount", "5",
                                "/data/listRecords/records/0/key", "\"a\"",
                                "/data/listRecords/records/0/syncCount", "3",
                                "/data/listRecords/records/0/lastModifiedDate", "\"" + ImportInputs.MODIFIED + "\"",
                                "/data/listRecords/records/0/lastModifiedBy", "\"cognito-device\"",
                                "/data/listRecords/records/1/syncCount", "5")),
                new CallScenario("the import lands in the caller's own identity", List.of(COPY),
                        (api, me) -> api.describeDataset(me, "ds"),
                        Map.of("/data/describeDataset/identityId", "\"$me\"",
                                "/data/describeDataset/sourceWatermark", "5", "/data/describeDataset/syncCount", "5",
                                "/data/describeDataset/numRecords", "2")),
                new CallScenario("the same import again is refused: the watermark moved, nothing is applied twice",
                        List.of(COPY), COPY,
                        Map.of("/errors/0/errorType", CONFLICT, "/errors/0/errorInfo/reason", "\"WatermarkMoved\"")),
                new CallScenario("an import from a watermark the store is not at is refused", List.of(),
                        (api, me) -> api.importDataset(me, changes("ds", 3, 5, true, List.of(record("a", "x", 4)))),
                        Map.of("/errors/0/errorType", CONFLICT, "/data", "null")),
                new CallScenario("revision mode: one new revision T+1 stamped on every imported change",
                        List.of(COPY, PUSH, REVISION), (api, me) -> api.listRecords(me, "ds", 6),
                        Map.of("/data/listRecords/datasetSyncCount", "7",
                                "/data/listRecords/records/0/syncCount", "7",
                                "/data/listRecords/records/0/lastModifiedBy", "\"cognito-device\"",
                                "/data/listRecords/records/1/syncCount", "7",
                                "/data/listRecords/records/2", MISSING)),
                new CallScenario("revision mode: the later change wins a key changed on both sides",
                        List.of(COPY, PUSH, (api, me) -> api.importDataset(me, changes("ds", 5, 8, true,
                                List.of(recordAt("b", "cognito b2 later", 8, LATER))))),
                        (api, me) -> api.listRecords(me, "ds", 6),
                        Map.of("/data/listRecords/records/0/key", "\"b\"",
                                "/data/listRecords/records/0/value", "\"cognito b2 later\"",
                                "/data/listRecords/records/0/lastModifiedDate", "\"" + LATER + "\"",
                                "/data/listRecords/records/1", MISSING)),
                new CallScenario("revision mode keeps AppSync's later change and moves the watermark to C'",
                        List.of(COPY, PUSH, REVISION), (api, me) -> api.describeDataset(me, "ds"),
                        Map.of("/data/describeDataset/syncCount", "7", "/data/describeDataset/sourceWatermark", "8",
                                "/data/describeDataset/numRecords", "3")),
                new CallScenario("revision mode leaves the store's newer value of a key it changed later",
                        List.of(COPY, PUSH, REVISION), (api, me) -> api.listRecords(me, "ds", 5),
                        Map.of("/data/listRecords/records/0/key", "\"c\"",
                                "/data/listRecords/records/0/value", "\"c\"",
                                "/data/listRecords/records/0/syncCount", "6")),
                new CallScenario("an earlier part leaves count and watermark at W and marks what it copied above",
                        List.of(EARLIER_PART), (api, me) -> api.describeDataset(me, "ds"),
                        Map.of("/data/describeDataset/syncCount", "0", "/data/describeDataset/sourceWatermark", "0",
                                "/data/describeDataset/numRecords", "2", "/data/describeDataset/copiedUpTo", "4",
                                "/data/describeDataset/firstCopyUpTo", "4")),
                new CallScenario("the last part of a copy keeps Cognito's counts and moves count and watermark to C'",
                        List.of(EARLIER_PART, LAST_PART), (api, me) -> api.listRecords(me, "ds", 0),
                        listed(9, 2, 4, 9)),
                new CallScenario("a push between the parts is counted above every record copied",
                        List.of(EARLIER_PART), PUSH_BETWEEN, Map.of("/data/updateRecords/datasetSyncCount", "5",
                                "/data/updateRecords/records/0/syncCount", "5")),
                new CallScenario("a push between the parts of a first copy takes copiedUpTo off, keeps firstCopyUpTo",
                        List.of(EARLIER_PART, PUSH_BETWEEN), (api, me) -> api.describeDataset(me, "ds"),
                        Map.of("/data/describeDataset/syncCount", "5", "/data/describeDataset/sourceWatermark", "0",
                                "/data/describeDataset/copiedUpTo", "null",
                                "/data/describeDataset/firstCopyUpTo", "4")),
                new CallScenario("the last part of a first copy pushed to between its parts drops firstCopyUpTo",
                        List.of(EARLIER_PART, PUSH_BETWEEN, LAST_PART), (api, me) -> api.describeDataset(me, "ds"),
                        Map.of("/data/describeDataset/sourceWatermark", "9", "/data/describeDataset/copiedUpTo",
                                "null", "/data/describeDataset/firstCopyUpTo", "null")),
                new CallScenario("after a push between the parts, the rest of the import is one revision",
                        List.of(EARLIER_PART, PUSH_BETWEEN, LAST_PART), (api, me) -> api.listRecords(me, "ds", 5),
                        listed(6, 6)),
                new CallScenario("content already applied (same value, date and writer) is skipped",
                        List.of((api, me) -> api.importDataset(me, changes("ds", 0, 9, false,
                                List.of(record("a", "1", 2))))),
                        (api, me) -> api.importDataset(me, changes("ds", 0, 9, true,
                                List.of(record("a", "1", 2), record("z", "new", 9)))),
                        Map.of("/data/importDataset/datasetSyncCount", "9",
                                "/data/importDataset/records/0/key", "\"z\"",
                                "/data/importDataset/records/0/syncCount", "9",
                                "/data/importDataset/records/1", MISSING)),
                new CallScenario("an import left unfinished is completed in copy mode by a re-run from W",
                        List.of(EARLIER_PART), (api, me) -> api.importDataset(me, changes("ds", 0, 10, true,
                                List.of(record("a", "1", 2), record("b", "2", 4), record("c", "3", 9),
                                        record("d", "4", 10)))),
                        Map.of("/data/importDataset/datasetSyncCount", "10",
                                "/data/importDataset/records/0/key", "\"c\"",
                                "/data/importDataset/records/0/syncCount", "9",
                                "/data/importDataset/records/1/syncCount", "10",
                                "/data/importDataset/records/2", MISSING)),
                new CallScenario("a dataset deleted on AppSync is not imported into",
                        List.of(COPY, (api, me) -> api.deleteDataset(me, "ds")),
                        (api, me) -> api.importDataset(me, changes("ds", 5, 6, true, List.of(record("a", "x", 6)))),
                        Map.of("/errors/0/errorType", CONFLICT, "/errors/0/errorInfo/reason", "\"DatasetDeleted\"")),
                new CallScenario("a dataset deleted and started again on AppSync since its last import is not "
                        + "imported into: the migrator settles the deletion against Cognito's changes",
                        List.of(COPY, (api, me) -> api.deleteDataset(me, "ds"), PUSH_BETWEEN),
                        (api, me) -> api.importDataset(me, changes("ds", 5, 6, true, List.of(record("a", "x", 6)))),
                        Map.of("/errors/0/errorType", CONFLICT, "/errors/0/errorInfo/reason", "\"DatasetDeleted\"")),
                new CallScenario("a dataset deleted and started again on AppSync before any import is imported into",
                        List.of(PUSH_BETWEEN, (api, me) -> api.deleteDataset(me, "ds"), PUSH_BETWEEN), COPY,
                        Map.of("/errors", MISSING, "/data/importDataset/datasetSyncCount", "4",
                                "/data/importDataset/records/0/key", "\"a\"",
                                "/data/importDataset/records/1/key", "\"b\"")),
                new CallScenario("counts parted from Cognito's: a record written on AppSync since the last import is "
                        + "two-sided, and its later AppSync value is kept", DIVERGED, EARLIER_COGNITO_A,
                        Map.of("/data/importDataset/datasetSyncCount", "8",
                                "/data/importDataset/records/0", MISSING)),
                new CallScenario("counts parted from Cognito's: the AppSync value stays and the watermark moves",
                        concat(DIVERGED, EARLIER_COGNITO_A), (api, me) -> api.listRecords(me, "ds", 7),
                        Map.of("/data/listRecords/datasetSyncCount", "8",
                                "/data/listRecords/records/0/key", "\"a\"",
                                "/data/listRecords/records/0/value", "\"appsync a\"",
                                "/data/listRecords/records/0/syncCount", "8",
                                "/data/listRecords/records/1", MISSING)),
                new CallScenario("records outside (W, C'] are refused", List.of(),
                        (api, me) -> api.importDataset(me, changes("ds", 0, 5, true, List.of(record("a", "x", 6)))),
                        Map.of("/errors/0/errorType", "\"InvalidParameterException\"")));
    }

    /** A listRecords answer: the dataset's count, and its records' counts in order with nothing after them. */
    static Map<String, String> listed(long datasetSyncCount, long... recordCounts) {
        Map<String, String> expected = new HashMap<>(Map.of("/errors", MISSING,
                "/data/listRecords/datasetSyncCount", String.valueOf(datasetSyncCount),
                "/data/listRecords/records/" + recordCounts.length, MISSING));
        for (int i = 0; i < recordCounts.length; i++) {
            expected.put("/data/listRecords/records/" + i + "/syncCount", String.valueOf(recordCounts[i]));
        }
        return expected;
    }

    static List<Step> concat(List<Step> first, Step then) {
        return Stream.concat(first.stream(), Stream.of(then)).toList();
    }

    /**
     * importedAt, the count right after the import that last moved the watermark, is written by that import and kept
     * by a later push (read from the metadata item itself: the API does not show it).
     */
    @Test
    void importedAtIsTheCountOfTheLastImportAndSurvivesAPush(AppSyncEmulator emulator) {
        Map<String, AttributeValue> meta = metadataAfter(emulator, DIVERGED);

        assertThat(meta).containsEntry("syncCount", AttributeValue.fromN("8"))
                .containsEntry("sourceWatermark", AttributeValue.fromN("15"))
                .containsEntry("importedAt", AttributeValue.fromN("7"));
    }

    /** adminImportDataset sets importedAt too; a re-run that leaves the watermark where it was keeps it. */
    @Test
    void adminImportSetsImportedAtOnlyWhenItMovesTheWatermark(AppSyncEmulator emulator) {
        Step imported = (api, me) -> api.adminImport(SyncshiftApi.MIGRATOR, ImportInputs.dataset(me.identityId(),
                "ds", 42, List.of(record("a", "from cognito", 40))));
        Step push = (api, me) -> api.updateRecords(me, "ds", put("a", "device", 40));

        Map<String, AttributeValue> meta = metadataAfter(emulator, List.of(imported, push, imported));

        assertThat(meta).containsEntry("syncCount", AttributeValue.fromN("43"))
                .containsEntry("sourceWatermark", AttributeValue.fromN("42"))
                .containsEntry("importedAt", AttributeValue.fromN("42"));
    }

    /**
     * A revision-mode import marks the record heads it writes {@code imported} (Cognito's changes at the store's own
     * counts, which an import stopped before its last part leaves above importedAt); a push writes a head afresh,
     * without the mark, and a copy-mode import, which keeps Cognito's counts, sets none.
     */
    @Test
    void aRevisionModeImportMarksTheHeadsItWritesImportedAndAPushOverOneTakesTheMarkOff(AppSyncEmulator emulator) {
        Caller me = after(emulator, DIVERGED);
        String partition = "D#" + requireNonNull(me.identityId()) + "#ds#0";
        Map<String, Map<String, AttributeValue>> heads = new HashMap<>();
        String table = new LayoutTable(emulator.dynamoDb()).name();
        emulator.dynamoDb().queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", SyncStoreLayout.PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).items()
                .forEach(item -> heads.put(item.get("key").s(), item));

        assertThat(heads).containsOnlyKeys("a", "b", "c", "d", "e");
        AttributeValue marked = AttributeValue.fromBool(true);
        assertThat(heads.get("d")).as("d, imported as a revision").containsEntry("imported", marked);
        assertThat(heads.get("e")).as("e, imported as a revision").containsEntry("imported", marked);
        assertThat(heads.get("a")).as("a, imported as a revision, then pushed").doesNotContainKey("imported");
        assertThat(heads.get("b")).as("b, copied, then pushed").doesNotContainKey("imported");
        assertThat(heads.get("c")).as("c, pushed").doesNotContainKey("imported");
    }

    /** The metadata item of {@code ds} after {@code steps}, each of which must succeed, made as a fresh identity. */
    private static Map<String, AttributeValue> metadataAfter(AppSyncEmulator emulator, List<Step> steps) {
        Caller me = after(emulator, steps);
        String table = new LayoutTable(emulator.dynamoDb()).name();
        return emulator.dynamoDb().getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(SyncStoreLayout.PARTITION_KEY, AttributeValue.fromS("I#" + requireNonNull(me.identityId())),
                        SyncStoreLayout.SORT_KEY, AttributeValue.fromS("D#ds")))).item();
    }

    /** A fresh identity that made {@code steps}, each of which must succeed. */
    private static Caller after(AppSyncEmulator emulator, List<Step> steps) {
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        Caller me = SyncshiftApi.freshUser();
        for (Step step : steps) {
            assertThat(step.run(api, me).ok()).isTrue();
        }
        return me;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void importsUnderTheSourceWatermark(CallScenario scenario, AppSyncEmulator emulator) {
        scenario.verify(emulator);
    }
}
