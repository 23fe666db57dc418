package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries and mutations through unit and pipeline resolvers and every DynamoDB operation, asserted on the
 * JSON a client of AppSync would receive.
 */
class GraphQlOperationsTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = TestApi.extension();

    static final String MISSING = "<missing>";
    static final String PRESENT = "<present>";

    /** One row: who calls, what was done before, the request, and JSON pointer → expected JSON text. */
    record Scenario(String name, Caller caller, List<String> given, String query, Map<String, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("PutItem then GetItem", Caller.ALICE,
                        List.of("mutation { putNote(id: \"n1\", text: \"one\", tag: \"red\") { id } }"),
                        "{ getNote(id: \"n1\") { owner id text tag version } }",
                        Map.of("/data/getNote/owner", "\"" + Caller.ALICE_ID + "\"",
                                "/data/getNote/text", "\"one\"", "/data/getNote/version", "1", "/errors", MISSING)),
                new Scenario("Field resolver on a type sees ctx.source and ctx.info", Caller.ALICE,
                        List.of("mutation { putNote(id: \"sh-1\", text: \"hey\") { id } }"),
                        "{ getNote(id: \"sh-1\") { shout } }",
                        Map.of("/data/getNote/shout", "\"HEY! (Note.shout)\"")),
                new Scenario("GetItem of a missing item is null", Caller.ALICE, List.of(),
                        "{ getNote(id: \"nope\") { id } }", Map.of("/data/getNote", "null", "/errors", MISSING)),
                new Scenario("PutItem condition fails", Caller.ALICE,
                        List.of("mutation { putNote(id: \"n2\", text: \"a\") { id } }"),
                        "mutation { putNote(id: \"n2\", text: \"b\") { id } }",
                        Map.of("/data/putNote", "null",
                                "/errors/0/errorType", "\"DynamoDB:ConditionalCheckFailedException\"",
                                "/errors/0/message", "\"The conditional request failed\"",
                                "/errors/0/path", "[\"putNote\"]", "/errors/0/locations/0/line", "1")),
                new Scenario("PutItem with a matching version condition", Caller.ALICE,
                        List.of("mutation { putNote(id: \"n3\", text: \"a\") { id } }"),
                        "mutation { putNote(id: \"n3\", text: \"b\", expectedVersion: 1) { text version } }",
                        Map.of("/data/putNote/text", "\"b\"", "/data/putNote/version", "2")),
                new Scenario("UpdateItem returns the new item", Caller.ALICE,
                        List.of("mutation { putNote(id: \"n4\", text: \"a\") { id } }"),
                        "mutation { updateNote(id: \"n4\", text: \"b\") { text version } }",
                        Map.of("/data/updateNote/text", "\"b\"", "/data/updateNote/version", "2")),
                new Scenario("UpdateItem of a missing item fails its condition", Caller.ALICE, List.of(),
                        "mutation { updateNote(id: \"ghost\", text: \"b\") { id } }",
                        Map.of("/data/updateNote", "null",
                                "/errors/0/errorType", "\"DynamoDB:ConditionalCheckFailedException\"")),
                new Scenario("DeleteItem returns the old item", Caller.ALICE,
                        List.of("mutation { putNote(id: \"n5\", text: \"bye\") { id } }"),
                        "mutation { deleteNote(id: \"n5\") { id text } }",
                        Map.of("/data/deleteNote/text", "\"bye\"")),
                new Scenario("BatchPutItem then BatchGetItem keeps key order, null for missing", Caller.ALICE,
                        List.of("mutation { putNotes(notes: [{id: \"b1\", text: \"x\"}, {id: \"b2\", text: \"y\"}])"
                                + " { id } }"),
                        "{ getNotes(ids: [\"b1\", \"missing\", \"b2\"]) { id text } }",
                        Map.of("/data/getNotes/0/id", "\"b1\"", "/data/getNotes/1", "null",
                                "/data/getNotes/2/text", "\"y\"")),
                new Scenario("BatchDeleteItem returns the keys", Caller.ALICE,
                        List.of("mutation { putNotes(notes: [{id: \"b3\"}, {id: \"b4\"}]) { id } }"),
                        "mutation { deleteNotes(ids: [\"b3\", \"b4\"]) }",
                        Map.of("/data/deleteNotes", "[\"b3\",\"b4\"]")),
                new Scenario("TransactGetItems", Caller.ALICE,
                        List.of("mutation { putNotes(notes: [{id: \"t1\"}, {id: \"t2\"}]) { id } }"),
                        "{ getTwo(a: \"t1\", b: \"t2\") { id } }",
                        Map.of("/data/getTwo/0/id", "\"t1\"", "/data/getTwo/1/id", "\"t2\"")),
                new Scenario("TransactWriteItems returns the keys", Caller.ALICE,
                        List.of("mutation { putNote(id: \"m1\", text: \"a\") { id } }"),
                        "mutation { moveNote(id: \"m1\", newId: \"m2\") }",
                        Map.of("/data/moveNote", "[\"m2\",\"m1\"]")),
                new Scenario("TransactWriteItems cancelled: reasons per item", Caller.ALICE, List.of(),
                        "mutation { moveNote(id: \"absent\", newId: \"m3\") }",
                        Map.of("/data/moveNote", "null",
                                "/errors/0/errorType", "\"DynamoDB:TransactionCanceledException\"",
                                "/errors/0/errorInfo/cancellationReasons/0/type", "\"None\"",
                                "/errors/0/errorInfo/cancellationReasons/1/type", "\"ConditionCheckFailed\"",
                                "/errors/0/errorInfo/cancellationReasons/1/item", MISSING)),
                new Scenario("TransactWriteItems cancelled: the item that failed its condition, by default",
                        Caller.ALICE, List.of("mutation { putNote(id: \"m4\", text: \"keep\") { id } }",
                                "mutation { putNote(id: \"m5\", text: \"move\") { id } }"),
                        "mutation { moveNote(id: \"m5\", newId: \"m4\") }",
                        Map.of("/errors/0/errorInfo/cancellationReasons/0/type", "\"ConditionCheckFailed\"",
                                "/errors/0/errorInfo/cancellationReasons/0/item/text", "\"keep\"",
                                "/errors/0/errorInfo/cancellationReasons/1/type", "\"None\"",
                                "/errors/0/errorInfo/cancellationReasons/1/message", "\"None\"")),
                new Scenario("Query pages with limit and nextToken", Caller.ALICE,
                        List.of("mutation { putNotes(notes: [{id: \"p1\"}, {id: \"p2\"}]) { id } }"),
                        "{ listNotes(limit: 1) { items { id } nextToken } }",
                        Map.of("/data/listNotes/items/0/id", PRESENT, "/data/listNotes/items/1", MISSING,
                                "/data/listNotes/nextToken", PRESENT)),
                new Scenario("Scan with a filter", Caller.ALICE,
                        List.of("mutation { putNote(id: \"s1\", tag: \"scan-tag\") { id } }"),
                        "{ scanByTag(tag: \"scan-tag\") { id } }",
                        Map.of("/data/scanByTag/0/id", "\"s1\"", "/data/scanByTag/1", MISSING)),
                new Scenario("Query on a local secondary index", Caller.BOB,
                        List.of("mutation { putNote(id: \"v1\") { id } }",
                                "mutation { putNote(id: \"v2\") { id } }",
                                "mutation { updateNote(id: \"v2\", text: \"x\") { id } }"),
                        "{ notesSince(version: 1) { id version } }",
                        Map.of("/data/notesSince/0/id", "\"v2\"", "/data/notesSince/0/version", "2",
                                "/data/notesSince/1", MISSING)),
                new Scenario("dynamodb module: query with key condition and filter", Caller.ALICE,
                        List.of("mutation { putNotes(notes: [{id: \"qp-1\", tag: \"red\"}, {id: \"qp-2\", "
                                + "tag: \"blue\"}, {id: \"qq-3\"}]) { id } }"),
                        "{ notesWithPrefix(prefix: \"qp-\", notTag: \"red\") { id } }",
                        Map.of("/data/notesWithPrefix", "[{\"id\":\"qp-2\"}]")),
                new Scenario("dynamodb module: update with increment and condition", Caller.ALICE,
                        List.of("mutation { putNote(id: \"up-1\", text: \"a\") { id } }"),
                        "mutation { bumpNote(id: \"up-1\", expectedVersion: 1) { text version } }",
                        Map.of("/data/bumpNote/text", "\"bumped\"", "/data/bumpNote/version", "2")),
                new Scenario("dynamodb module: update condition fails", Caller.ALICE,
                        List.of("mutation { putNote(id: \"up-2\", text: \"a\") { id } }"),
                        "mutation { bumpNote(id: \"up-2\", expectedVersion: 5) { version } }",
                        Map.of("/data/bumpNote", "null",
                                "/errors/0/errorType", "\"DynamoDB:ConditionalCheckFailedException\"")),
                new Scenario("util.transform.toDynamoDBFilterExpression", Caller.ALICE,
                        List.of("mutation { putNote(id: \"fs-1\", tag: \"fs-tag\", text: \"keep\") { id } }",
                                "mutation { putNote(id: \"fs-2\", tag: \"fs-tag\", text: \"drop\") { id } }"),
                        "{ filteredScan(filter: \"{\\\"tag\\\": {\\\"eq\\\": \\\"fs-tag\\\"}, "
                                + "\\\"text\\\": {\\\"beginsWith\\\": \\\"ke\\\"}}\") { id } }",
                        Map.of("/data/filteredScan", "[{\"id\":\"fs-1\"}]")),
                new Scenario("Pipeline: stash and prev.result flow through functions", Caller.ALICE,
                        List.of("mutation { putNote(id: \"g1\", text: \"gee\") { id } }"),
                        "{ guardedNote(id: \"g1\") { text tag } }",
                        Map.of("/data/guardedNote/text", "\"gee via before>checkId>getNote\"",
                                "/data/guardedNote/tag", "\"text,tag|{ text tag }\"")),
                new Scenario("Pipeline: ctx.info has this operation's selection set, not an earlier one's",
                        Caller.ALICE, List.of("mutation { putNote(id: \"g2\", text: \"gee\") { id } }",
                                "{ guardedNote(id: \"g2\") { text tag } }"),
                        "{ guardedNote(id: \"g2\") { tag id } }",
                        Map.of("/data/guardedNote/tag", "\"tag,id|{ tag id }\"")),
                new Scenario("Pipeline: util.error in a function fails the field", Caller.ALICE, List.of(),
                        "{ guardedNote(id: \"forbidden\") { text } }",
                        Map.of("/data/guardedNote", "null", "/errors/0/errorType", "\"Forbidden\"",
                                "/errors/0/message", "\"That note is off limits\"")),
                new Scenario("Pipeline: earlyReturn in functions skips their data source", Caller.ALICE, List.of(),
                        "{ guardedNote(id: \"skip\") { id text } }",
                        Map.of("/data/guardedNote/text", "\"skipped via before>checkId>getNote\"")),
                new Scenario("Unit: earlyReturn skips data source and response", Caller.ALICE, List.of(),
                        "{ early(stop: true) }", Map.of("/data/early", "\"stopped early\"")),
                new Scenario("Unit: without earlyReturn the response runs", Caller.ALICE, List.of(),
                        "{ early(stop: false) }", Map.of("/data/early", "\"response saw ran\"")),
                new Scenario("util.error: AppSync's error shape", Caller.ALICE, List.of(),
                        "{ fail(type: \"Custom\") }",
                        Map.of("/data/fail", "null", "/errors/0/errorType", "\"Custom\"",
                                "/errors/0/message", "\"boom\"", "/errors/0/data", "{\"n\":2}",
                                "/errors/0/errorInfo", "{\"hint\":\"b\"}", "/errors/0/path", "[\"fail\"]")),
                new Scenario("util.appendError keeps the value", Caller.ALICE, List.of(),
                        "{ fail(append: true) }",
                        Map.of("/data/fail", "\"partial\"", "/errors/0/errorType", "\"Appended\"",
                                "/errors/0/message", "\"first problem\"")),
                // AppSync's wording (its team's GraphQL-over-HTTP notes, and AppSync answers apps quote)
                new Scenario("Validation errors come back in an HTTP 200, worded as AppSync words them",
                        Caller.ALICE, List.of(), "{ nosuchField }",
                        Map.of("/data", "null", "/errors/0/locations/0/line", "1", "/errors/0/locations/0/column", "3",
                                "/errors/0/message", "\"Validation error of type FieldUndefined: Field 'nosuchField' "
                                        + "in type 'Query' is undefined @ 'nosuchField'\"")),
                new Scenario("A non-null variable left out is an error in an HTTP 200, worded as AppSync words it",
                        Caller.ALICE, List.of(), "query($id: ID!) { getNote(id: $id) { id } }",
                        Map.of("/data", "null", "/errors/0/message",
                                "\"Variable 'id' has coerced Null value for NonNull type 'ID!'\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void answersLikeAppSync(Scenario scenario, AppSyncEmulator emulator) {
        SignedGraphQlClient client = new SignedGraphQlClient(emulator.endpoint());
        scenario.given().forEach(mutation -> assertThat(client.post(scenario.caller().credentials(), mutation, Map
                .of()).body()
                .path("errors").isMissingNode()).as(mutation).isTrue());

        SignedGraphQlClient.Answer answer = client.post(scenario.caller().credentials(), scenario.query(), Map.of());

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        scenario.expected().forEach((pointer, expected) -> {
            JsonNode actual = answer.body().at(pointer);
            if (expected.equals(MISSING)) {
                assertThat(actual.isMissingNode()).as(pointer + " in " + answer.body()).isTrue();
            } else if (expected.equals(PRESENT)) {
                assertThat(actual.isMissingNode() || actual.isNull()).as(pointer + " in " + answer.body()).isFalse();
            } else {
                assertThat(actual.toString()).as(pointer + " in " + answer.body()).isEqualTo(expected);
            }
        });
    }
}
