package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Expectations.MISSING;
import static dev.syncshift.graphql.e2e.Expectations.PRESENT;
import static dev.syncshift.graphql.e2e.Patch.put;
import static dev.syncshift.graphql.e2e.Patch.remove;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every user field with Cognito Sync's semantics (Cognito Sync API reference; graphql/README.md), through signed HTTP
 * requests to the AppSync emulator running the real template: sync counts, conflicts and atomicity, tombstones and
 * delta pulls, dataset deletion and re-creation, merged datasets, validation. Each scenario runs as a fresh identity.
 */
class DatasetOperationsTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    static final String CONFLICT = "\"ResourceConflictException\"";
    static final String INVALID = "\"InvalidParameterException\"";
    static final String NOT_FOUND = "\"ResourceNotFoundException\"";

    static Stream<CallScenario> scenarios() {
        return Stream.of(countScenarios(), conflictScenarios(), deltaScenarios(), deletionScenarios(),
                validationScenarios(), importScenarios()).flatMap(s -> s);
    }

    static Stream<CallScenario> countScenarios() {
        return Stream.of(
                new CallScenario("the first push creates the dataset at count 1", List.of(),
                        (api, me) -> api.updateRecords(me, "ds", put("a", "1", 0), put("b", "2", 0)),
                        Map.of("/data/updateRecords/identityId", "\"$me\"", "/data/updateRecords/datasetName", "\"ds\"",
                                "/data/updateRecords/datasetSyncCount", "1", "/data/updateRecords/deleted", "false",
                                "/data/updateRecords/records/0/syncCount", "1",
                                "/data/updateRecords/records/1/syncCount", "1", "/errors", MISSING)),
                new CallScenario("each push raises the count by exactly one and stamps it on every changed record",
                        List.of((api, me) -> api.updateRecords(me, "ds", put("a", "1", 0), put("b", "2", 0))),
                        (api, me) -> api.updateRecords(me, "ds", put("a", "1b", 1), put("c", "3", 0)),
                        Map.of("/data/updateRecords/datasetSyncCount", "2",
                                "/data/updateRecords/records/0/key", "\"a\"",
                                "/data/updateRecords/records/0/syncCount", "2",
                                "/data/updateRecords/records/1/syncCount", "2",
                                "/data/updateRecords/records/2", MISSING)),
                new CallScenario("deviceId becomes lastModifiedBy; deviceLastModifiedDate round-trips", List.of(),
                        (api, me) -> api.client().post(me.credentials(), SyncOperations.UPDATE_RECORDS, Map.of("d",
                                "ds",
                                "device", "phone-1", "p", List.of(Map.of("op", "replace", "key", "k", "value", "v",
                                        "syncCount", 0, "deviceLastModifiedDate", "2023-11-14T22:13:20.123Z")))),
                        Map.of("/data/updateRecords/records/0/lastModifiedBy", "\"phone-1\"",
                                "/data/updateRecords/records/0/deviceLastModifiedDate", "\"2023-11-14T22:13:20.123Z\"",
                                "/data/updateRecords/records/0/lastModifiedDate", PRESENT)),
                new CallScenario("describeDataset counts live records and their key+value UTF-8 bytes",
                        List.of((api, me) -> api.updateRecords(me, "ds", put("k", "é€", 0), put("gone", "x", 0)),
                                (api, me) -> api.updateRecords(me, "ds", remove("gone", 1))),
                        (api, me) -> api.describeDataset(me, "ds"),
                        Map.of("/data/describeDataset/identityId", "\"$me\"",
                                "/data/describeDataset/datasetName", "\"ds\"",
                                "/data/describeDataset/numRecords", "1", "/data/describeDataset/dataStorage", "6",
                                "/data/describeDataset/syncCount", "2", "/data/describeDataset/creationDate", PRESENT,
                                "/data/describeDataset/sourceWatermark", "null", "/data/describeDataset/copiedUpTo",
                                "null", "/data/describeDataset/firstCopyUpTo", "null")),
                new CallScenario("listDatasets lists the caller's live datasets",
                        List.of((api, me) -> api.updateRecords(me, "one", put("a", "1", 0)),
                                (api, me) -> api.updateRecords(me, "two", put("a", "1", 0)),
                                (api, me) -> api.deleteDataset(me, "one")),
                        (api, me) -> api.listDatasets(me),
                        Map.of("/data/listDatasets/0/datasetName", "\"two\"",
                                "/data/listDatasets/0/identityId", "\"$me\"", "/data/listDatasets/1", MISSING)),
                new CallScenario("listDatasets of a new identity is empty", List.of(),
                        (api, me) -> api.listDatasets(me), Map.of("/data/listDatasets", "[]")));
    }

    static Stream<CallScenario> conflictScenarios() {
        Step seed = (api, me) -> api.updateRecords(me, "ds", put("a", "1", 0));
        return Stream.of(
                new CallScenario("a stale count rejects the whole push with the server's records", List.of(seed),
                        (api, me) -> api.updateRecords(me, "ds", put("b", "new", 0), put("a", "mine", 0)),
                        Map.of("/data", "null", "/errors/0/errorType", CONFLICT,
                                "/errors/0/message", "\"Current SyncCount for: a is: 1 not: 0\"",
                                "/errors/0/path", "[\"updateRecords\"]",
                                "/errors/0/errorInfo/conflictingKeys", "[\"a\"]",
                                "/errors/0/data/records/0/key", "\"a\"", "/errors/0/data/records/0/value", "\"1\"",
                                "/errors/0/data/records/0/syncCount", "1", "/errors/0/data/records/1", MISSING)),
                new CallScenario("a rejected push writes nothing (atomicity)",
                        List.of(seed, Step.refused("ResourceConflictException", (api, me) -> api.updateRecords(me,
                                "ds", put("b", "new", 0), put("a", "mine", 0)))),
                        (api, me) -> api.listRecords(me, "ds", 0),
                        Map.of("/data/listRecords/datasetSyncCount", "1",
                                "/data/listRecords/records/0/key", "\"a\"",
                                "/data/listRecords/records/0/value", "\"1\"", "/data/listRecords/records/1", MISSING)),
                new CallScenario("the same value with a stale count is still a conflict", List.of(seed,
                        (api, me) -> api.updateRecords(me, "ds", put("a", "2", 1))),
                        (api, me) -> api.updateRecords(me, "ds", put("a", "2", 1)),
                        Map.of("/errors/0/errorType", CONFLICT,
                                "/errors/0/message", "\"Current SyncCount for: a is: 2 not: 1\"")),
                new CallScenario("a count above the server's is a conflict", List.of(seed),
                        (api, me) -> api.updateRecords(me, "ds", put("a", "x", 5)),
                        Map.of("/errors/0/errorType", CONFLICT,
                                "/errors/0/message", "\"Current SyncCount for: a is: 1 not: 5\"")),
                new CallScenario("a new key must come with count 0", List.of(),
                        (api, me) -> api.updateRecords(me, "ds", put("fresh", "x", 3)),
                        Map.of("/errors/0/errorType", CONFLICT,
                                "/errors/0/message", "\"Current SyncCount for: fresh is: 0 not: 3\"",
                                "/errors/0/data/records", "[]")),
                new CallScenario("removing with a stale count is a conflict", List.of(seed,
                        (api, me) -> api.updateRecords(me, "ds", put("a", "2", 1))),
                        (api, me) -> api.updateRecords(me, "ds", remove("a", 1)),
                        Map.of("/errors/0/errorType", CONFLICT)));
    }

    static Stream<CallScenario> deltaScenarios() {
        Step first = (api, me) -> api.updateRecords(me, "ds", put("a", "1", 0), put("b", "1", 0));
        Step second = (api, me) -> api.updateRecords(me, "ds", put("b", "2", 1), put("c", "2", 0));
        return Stream.of(
                new CallScenario("listRecords from 0 returns everything with the dataset count", List.of(first, second),
                        (api, me) -> api.listRecords(me, "ds", 0),
                        Map.of("/data/listRecords/identityId", "\"$me\"", "/data/listRecords/datasetName", "\"ds\"",
                                "/data/listRecords/datasetSyncCount", "2", "/data/listRecords/datasetExists", "true",
                                "/data/listRecords/datasetDeletedAfterRequestedSyncCount", "false",
                                "/data/listRecords/mergedDatasetNames", "null", "/data/listRecords/nextToken", "null",
                                "/data/listRecords/records/2/syncCount", "2", "/data/listRecords/records/3", MISSING)),
                new CallScenario("lastSyncCount is exclusive: only records changed after it", List.of(first, second),
                        (api, me) -> api.listRecords(me, "ds", 1),
                        Map.of("/data/listRecords/records/0/syncCount", "2", "/data/listRecords/records/0/value",
                                "\"2\"", "/data/listRecords/records/1/syncCount", "2",
                                "/data/listRecords/records/2", MISSING, "/data/listRecords/datasetSyncCount", "2")),
                new CallScenario("listRecords at the current count returns nothing", List.of(first, second),
                        (api, me) -> api.listRecords(me, "ds", 2),
                        Map.of("/data/listRecords/records", "[]", "/data/listRecords/datasetSyncCount", "2")),
                new CallScenario("a removal leaves a tombstone with the count of its removal",
                        List.of(first, (api, me) -> api.updateRecords(me, "ds", remove("a", 1))),
                        (api, me) -> api.listRecords(me, "ds", 1),
                        Map.of("/data/listRecords/records/0/key", "\"a\"",
                                "/data/listRecords/records/0/deleted", "true",
                                "/data/listRecords/records/0/value", "null",
                                "/data/listRecords/records/0/syncCount", "2", "/data/listRecords/records/1", MISSING)),
                new CallScenario("a tombstone is re-created with its removal count",
                        List.of(first, (api, me) -> api.updateRecords(me, "ds", remove("a", 1))),
                        (api, me) -> api.updateRecords(me, "ds", put("a", "back", 2)),
                        Map.of("/data/updateRecords/records/0/deleted", "false",
                                "/data/updateRecords/records/0/value", "\"back\"",
                                "/data/updateRecords/records/0/syncCount", "3")),
                new CallScenario("a lastSyncCount above the dataset count is refused", List.of(first),
                        (api, me) -> api.listRecords(me, "ds", 7),
                        Map.of("/errors/0/errorType", INVALID,
                                "/errors/0/message", "\"No such SyncCount: 7 exists for this Dataset\"")),
                new CallScenario("a never-written dataset does not exist and has count 0", List.of(),
                        (api, me) -> api.listRecords(me, "never", 0),
                        Map.of("/data/listRecords/datasetExists", "false", "/data/listRecords/records", "[]",
                                "/data/listRecords/datasetSyncCount", "0",
                                "/data/listRecords/datasetDeletedAfterRequestedSyncCount", "false")),
                new CallScenario("pages follow limit and nextToken", List.of(first, second),
                        (api, me) -> api.listRecords(me, "ds", 0, 2, null),
                        Map.of("/data/listRecords/records/1", PRESENT, "/data/listRecords/records/2", MISSING,
                                "/data/listRecords/nextToken", PRESENT)),
                new CallScenario("merged datasets <name>.<identityId> are reported",
                        List.of(first, (api, me) -> api.updateRecords(me, "ds.us-east-1:0000aaaa-1111-2222-3333",
                                put("x", "y", 0))),
                        (api, me) -> api.listRecords(me, "ds", 0),
                        Map.of("/data/listRecords/mergedDatasetNames", "[\"ds.us-east-1:0000aaaa-1111-2222-3333\"]")),
                new CallScenario("syncDataset pushes, then returns what changed after lastSyncCount", List.of(first),
                        (api, me) -> api.syncDataset(me, "ds", 0, put("z", "26", 0)),
                        Map.of("/data/syncDataset/datasetSyncCount", "2",
                                "/data/syncDataset/records/0/key", "\"z\"",
                                "/data/syncDataset/changes/datasetSyncCount", "2",
                                "/data/syncDataset/changes/records/2/key", "\"z\"",
                                "/data/syncDataset/changes/records/3", MISSING)),
                new CallScenario("syncDataset without patches is a pull", List.of(first, second),
                        (api, me) -> api.syncDataset(me, "ds", 1),
                        Map.of("/data/syncDataset/datasetSyncCount", "2", "/data/syncDataset/records", "[]",
                                "/data/syncDataset/changes/records/0/syncCount", "2",
                                "/data/syncDataset/changes/records/1/syncCount", "2",
                                "/data/syncDataset/changes/records/2", MISSING)),
                new CallScenario("syncDataset with a stale patch is a conflict and pulls nothing", List.of(first),
                        (api, me) -> api.syncDataset(me, "ds", 0, put("a", "x", 0)),
                        Map.of("/data", "null", "/errors/0/errorType", CONFLICT)));
    }

    static Stream<CallScenario> deletionScenarios() {
        Step first = (api, me) -> api.updateRecords(me, "ds", put("a", "1", 0));
        Step second = (api, me) -> api.updateRecords(me, "ds", put("b", "2", 0));
        Step delete = (api, me) -> api.deleteDataset(me, "ds");
        Step stalePush = (api, me) -> api.syncDataset(me, "ds", 2, put("x", "new key", 0));
        return Stream.of(
                new CallScenario("deleteDataset raises the count and reports the deletion", List.of(first, second),
                        delete,
                        Map.of("/data/deleteDataset/identityId", "\"$me\"", "/data/deleteDataset/deleted", "true",
                                "/data/deleteDataset/datasetSyncCount", "3", "/data/deleteDataset/records", "null")),
                new CallScenario("a deleted dataset cannot be described", List.of(first, delete),
                        (api, me) -> api.describeDataset(me, "ds"),
                        Map.of("/data", "null", "/errors/0/errorType", NOT_FOUND)),
                new CallScenario("a device that synced before the deletion learns of it",
                        List.of(first, second, delete),
                        (api, me) -> api.listRecords(me, "ds", 1),
                        Map.of("/data/listRecords/datasetExists", "false", "/data/listRecords/records", "[]",
                                "/data/listRecords/datasetDeletedAfterRequestedSyncCount", "true")),
                new CallScenario("a re-created dataset starts empty, above the deletion's count",
                        List.of(first, second, delete, (api, me) -> api.updateRecords(me, "ds", put("c", "3", 0))),
                        (api, me) -> api.listRecords(me, "ds", 1),
                        Map.of("/data/listRecords/datasetExists", "true",
                                "/data/listRecords/datasetDeletedAfterRequestedSyncCount", "true",
                                "/data/listRecords/datasetSyncCount", "4",
                                "/data/listRecords/records/0/key", "\"c\"",
                                "/data/listRecords/records/0/syncCount", "4", "/data/listRecords/records/1", MISSING)),
                new CallScenario("a device that synced after the re-creation sees no deletion",
                        List.of(first, delete, (api, me) -> api.updateRecords(me, "ds", put("c", "3", 0))),
                        (api, me) -> api.listRecords(me, "ds", 3),
                        Map.of("/data/listRecords/datasetDeletedAfterRequestedSyncCount", "false",
                                "/data/listRecords/records", "[]")),
                new CallScenario("a push of new keys from a device that synced before the deletion is refused",
                        List.of(first, second, delete), stalePush,
                        Map.of("/data", "null", "/errors/0/errorType", CONFLICT,
                                "/errors/0/errorInfo/reason", "\"DatasetDeleted\"",
                                "/errors/0/message",
                                "\"Dataset ds was deleted after SyncCount 2; list its records before pushing\"")),
                new CallScenario("a refused stale push writes nothing: the dataset stays deleted",
                        List.of(first, second, delete, Step.refused("ResourceConflictException", stalePush)),
                        (api, me) -> api.listRecords(me, "ds", 0),
                        Map.of("/data/listRecords/datasetExists", "false", "/data/listRecords/records", "[]")),
                new CallScenario("a push from before the deletion is refused after a re-creation too",
                        List.of(first, second, delete, (api, me) -> api.updateRecords(me, "ds", put("c", "3", 0))),
                        stalePush, Map.of("/errors/0/errorType", CONFLICT,
                                "/errors/0/errorInfo/reason", "\"DatasetDeleted\"")),
                new CallScenario("a device that synced after the re-creation pushes new keys",
                        List.of(first, delete, (api, me) -> api.updateRecords(me, "ds", put("c", "3", 0))),
                        (api, me) -> api.syncDataset(me, "ds", 3, put("x", "n", 0)),
                        Map.of("/errors", MISSING, "/data/syncDataset/datasetSyncCount", "4")),
                new CallScenario("a device that never synced it re-creates a deleted dataset with syncDataset",
                        List.of(first, second, delete), (api, me) -> api.syncDataset(me, "ds", 0, put("x", "n", 0)),
                        Map.of("/errors", MISSING, "/data/syncDataset/datasetSyncCount", "4",
                                "/data/syncDataset/changes/records/0/key", "\"x\"")),
                new CallScenario("deleting a missing dataset is ResourceNotFoundException", List.of(), delete,
                        Map.of("/data", "null", "/errors/0/errorType", NOT_FOUND)),
                new CallScenario("deleting twice is ResourceNotFoundException", List.of(first, delete), delete,
                        Map.of("/errors/0/errorType", NOT_FOUND)));
    }

    static Stream<CallScenario> validationScenarios() {
        return Stream.of(
                new CallScenario("replace without a value is invalid", List.of(),
                        (api, me) -> api.updateRecords(me, "ds", new Patch("replace", "k", null, 0)),
                        Map.of("/errors/0/errorType", INVALID)),
                new CallScenario("two patches of one key are invalid", List.of(),
                        (api, me) -> api.updateRecords(me, "ds", put("k", "1", 0), put("k", "2", 0)),
                        Map.of("/errors/0/errorType", INVALID)),
                new CallScenario("a dataset name outside [a-zA-Z0-9_.:-] is invalid", List.of(),
                        (api, me) -> api.updateRecords(me, "bad name", put("k", "1", 0)),
                        Map.of("/errors/0/errorType", INVALID)),
                new CallScenario("a dataset name of 129 characters is invalid", List.of(),
                        (api, me) -> api.listRecords(me, "d".repeat(129), 0), Map.of("/errors/0/errorType", INVALID)),
                new CallScenario("a dataset name of 129 characters gets Cognito Sync's length message", List.of(),
                        (api, me) -> api.listRecords(me, "d".repeat(129), 0), Map.of("/errors/0/message",
                                "\"1 validation error detected: Value '" + "d".repeat(129) + "' at 'datasetName' "
                                + "failed to satisfy constraint: Member must have length less than or equal to 128\"")),
                new CallScenario("two patches of the key __proto__ are invalid, as of any key", List.of(),
                        (api, me) -> api.updateRecords(me, "ds", put("__proto__", "1", 0),
                                put("__proto__", "2", 0)),
                        Map.of("/errors/0/errorType", INVALID,
                                "/errors/0/message", "\"Duplicate key in RecordPatches: __proto__\"")),
                new CallScenario("a key with an unpaired surrogate is invalid", List.of(),
                        (api, me) -> pushRaw(api, me, "a\\ud800b", "v"), Map.of("/errors/0/errorType", INVALID,
                                "/errors/0/message", "\"1 validation error detected: Value at 'key' failed to satisfy "
                                + "constraint: Member must be valid Unicode, without an unpaired surrogate\"")),
                new CallScenario("another identity's nextToken is invalid and reads nothing of it", List.of(),
                        (api, me) -> {
                            Caller other = SyncshiftApi.freshUser();
                            api.updateRecords(other, "ds", put("s1", "secret", 0), put("s2", "secret", 0));
                            api.updateRecords(me, "ds", put("mine", "v", 0));
                            return api.listRecords(me, "ds", 0, 1, firstToken(api, other, "ds"));
                        }, Map.of("/errors/0/errorType", INVALID, "/data", "null")),
                new CallScenario("a nextToken that is no token is invalid",
                        List.of((api, me) -> api.updateRecords(me, "ds", put("a", "1", 0), put("b", "2", 0))),
                        (api, me) -> api.listRecords(me, "ds", 0, 1, "not-a-token"),
                        Map.of("/errors/0/errorType", INVALID, "/data", "null", "/errors/0/message",
                                "\"1 validation error detected: Value 'not-a-token' at 'nextToken' failed to satisfy "
                                + "constraint: Member must be a token returned by this API\"")),
                new CallScenario("a nextToken of the dataset before its deletion and re-creation is invalid",
                        List.of((api, me) -> api.updateRecords(me, "ds", put("a", "1", 0), put("b", "2", 0))),
                        (api, me) -> {
                            String token = firstToken(api, me, "ds");
                            api.deleteDataset(me, "ds");
                            api.updateRecords(me, "ds", put("a", "1", 0), put("b", "2", 0));
                            return api.listRecords(me, "ds", 0, 1, token);
                        }, Map.of("/errors/0/errorType", INVALID, "/data", "null")),
                new CallScenario("an empty key is invalid", List.of(),
                        (api, me) -> api.updateRecords(me, "ds", put("", "1", 0)),
                        Map.of("/errors/0/errorType", INVALID)),
                new CallScenario("a negative lastSyncCount is invalid", List.of(),
                        (api, me) -> api.listRecords(me, "ds", -1), Map.of("/errors/0/errorType", INVALID)),
                new CallScenario("a page limit of 0 is invalid, not 1", List.of(),
                        (api, me) -> api.listRecords(me, "ds", 0, 0, null), Map.of("/errors/0/errorType", INVALID,
                                "/data", "null")),
                new CallScenario("a negative page limit is invalid", List.of(),
                        (api, me) -> api.listRecords(me, "ds", 0, -5, null), Map.of("/errors/0/errorType", INVALID,
                                "/data", "null")),
                impossibleDate("February 30 at 25 o'clock", "2024-02-30T25:00:00Z"),
                impossibleDate("month 13", "2024-13-01T00:00:00Z"),
                impossibleDate("minute 60", "2024-01-01T00:60:00Z"),
                impossibleDate("offset +05:99", "2024-01-01T00:00:00+05:99"),
                new CallScenario("an identityId argument on a user field is a validation error", List.of(),
                        (api, me) -> api.client().post(me.credentials(),
                                "query { listRecords(identityId: \"x\", datasetName: "
                                + "\"ds\") { datasetSyncCount } }", Map.of()),
                        Map.of("/data", "null", "/errors/0/message", PRESENT)));
    }

    /** An updateRecords of one record whose key and value are JSON string contents, escapes as written. */
    private static Answer pushRaw(SyncOperations api, Caller me, String key, String value) {
        return api.client().postBody(me.credentials(), "{\"query\":" + TextNode.valueOf(SyncOperations.UPDATE_RECORDS)
                + ",\"variables\":{\"d\":\"ds\",\"p\":[{\"op\":\"replace\",\"key\":\"" + key + "\",\"value\":\""
                + value + "\",\"syncCount\":0}]}}");
    }

    /** The nextToken of the first one-record page of {@code dataset}. */
    private static String firstToken(SyncOperations api, Caller caller, String dataset) {
        return api.listRecords(caller, dataset, 0, 1, null).data("listRecords").path("nextToken").asText();
    }

    /** An AWSDateTime that cannot exist is refused before any resolver runs (AppSync validates its scalars). */
    private static CallScenario impossibleDate(String what, String date) {
        return new CallScenario("an AWSDateTime with " + what + " is refused", List.of(),
                (api, me) -> api.client().post(me.credentials(), SyncOperations.UPDATE_RECORDS, Map.of("d", "ds",
                        "p", List.of(Map.of("op", "replace", "key", "k", "value", "v", "syncCount", 0,
                                "deviceLastModifiedDate", date)))),
                Map.of("/data", "null", "/errors/0/message", PRESENT));
    }

    static Stream<CallScenario> importScenarios() {
        Step imported = (api, me) -> api.adminImport(SyncshiftApi.MIGRATOR, ImportInputs.dataset(me.identityId(),
                "ds", 42, List.of(ImportInputs.record("a", "from cognito", 40),
                        ImportInputs.record("b", "older", 12))));
        return Stream.of(
                new CallScenario("adminImportDataset keeps Cognito's counts and dates", List.of(imported),
                        (api, me) -> api.listRecords(me, "ds", 12),
                        Map.of("/data/listRecords/datasetSyncCount", "42",
                                "/data/listRecords/records/0/key", "\"a\"",
                                "/data/listRecords/records/0/syncCount", "40",
                                "/data/listRecords/records/0/lastModifiedBy", "\"cognito-device\"",
                                "/data/listRecords/records/1", MISSING)),
                new CallScenario("adminImportDataset records the source watermark", List.of(imported),
                        (api, me) -> api.describeDataset(me, "ds"),
                        Map.of("/data/describeDataset/sourceWatermark", "42",
                                "/data/describeDataset/numRecords", "2", "/data/describeDataset/syncCount", "42")),
                new CallScenario("a device continues from the imported count", List.of(imported),
                        (api, me) -> api.updateRecords(me, "ds", put("a", "device", 40)),
                        Map.of("/data/updateRecords/datasetSyncCount", "43",
                                "/data/updateRecords/records/0/syncCount", "43")),
                new CallScenario("re-running an import leaves newer records alone",
                        List.of(imported, (api, me) -> api.updateRecords(me, "ds", put("a", "device", 40)),
                                imported),
                        (api, me) -> api.listRecords(me, "ds", 0),
                        Map.of("/data/listRecords/datasetSyncCount", "43",
                                "/data/listRecords/records/1/key", "\"a\"",
                                "/data/listRecords/records/1/value", "\"device\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void behavesLikeCognitoSync(CallScenario scenario, AppSyncEmulator emulator) {
        scenario.verify(emulator);
    }
}
