package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The bad-input sweep of the data plane: thousands of signed {@code POST /graphql} requests, each a valid request of
 * the test API bent by one mutation — of the query text, a variable's value or type, the body's members or its JSON
 * text (seeded, so every run sends the same ones). For every one: no 5xx, an answer in AppSync's JSON shape
 * ({@code data} and/or {@code errors}, every error with a message), and no Java in it.
 */
class BadInputSweepTest {

    private static final Pattern JAVA_TEXT = Pattern.compile("java\\.|javax\\.|dev\\.syncshift|com\\.fasterxml|"
            + "org\\.eclipse|org\\.graalvm|com\\.oracle|graphql\\.(execution|schema|language)|Exception:|\\tat |"
            + "(?i)jetty|<html");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Valid requests of the test API: a query text and its variables as JSON. */
    private static final List<String[]> VALID = List.of(
            new String[] {"query($id: ID!) { getNote(id: $id) { id text tag version } }", "{\"id\":\"sweep-1\"}"},
            new String[] {"query($l: Int, $t: String) { listNotes(limit: $l, nextToken: $t) { items { id } "
                    + "nextToken } }", "{\"l\":2,\"t\":null}"},
            new String[] {"query($v: Int!) { notesSince(version: $v) { id version } }", "{\"v\":0}"},
            new String[] {"query($ids: [ID!]!) { getNotes(ids: $ids) { id } }", "{\"ids\":[\"sweep-1\",\"sweep-2\"]}"},
            new String[] {"mutation($id: ID!, $x: String) { putNote(id: $id, text: $x, tag: \"sweep\") { id } }",
                    "{\"id\":\"sweep-2\",\"x\":\"text\"}"},
            new String[] {"mutation($n: [NoteInput!]!) { putNotes(notes: $n) { id } }",
                    "{\"n\":[{\"id\":\"sweep-3\",\"text\":\"a\"}]}"},
            new String[] {"{ whoami }", "{}"});

    private static AppSyncEmulator emulator;
    private static SignedGraphQlClient client;

    @BeforeContainer
    static void start() {
        emulator = AppSyncEmulator.start(TestApi.CONFIG);
        client = new SignedGraphQlClient(emulator.endpoint());
    }

    @AfterContainer
    static void stop() {
        emulator.close();
    }

    @Property(tries = 2000, seed = "20261201", shrinking = ShrinkingMode.OFF)
    void noBadRequestIsAServerErrorOrLeavesAppSyncsShapeOrLeaksJava(@ForAll("requests") String body) {
        SignedGraphQlClient.Answer answer = client.postBody(Caller.ALICE.credentials(), body);

        assertThat(answer.status()).as("%s → %s", body, answer).isLessThan(500);
        assertThat(JAVA_TEXT.matcher(answer.body().toString()).find()).as("%s → %s", body, answer.body()).isFalse();
        assertThat(answer.body().has("data") || answer.body().has("errors")).as("%s → %s", body, answer.body())
                .isTrue();
        answer.body().path("errors").forEach(error -> assertThat(error.path("message").isTextual())
                .as("%s → %s", body, answer.body()).isTrue());
    }

    @Provide
    Arbitrary<String> requests() {
        Arbitrary<String[]> base = Arbitraries.of(VALID);
        return Arbitraries.oneOf(
                Combinators.combine(base, mutatedText()).as((r, mutate) -> body(mutate.apply(r[0]), r[1])),
                Combinators.combine(base, oddValues()).as((r, value) -> withVariable(r, value)),
                Combinators.combine(base, oddValues()).as((r, value) -> withMember(r, "query", value)),
                Combinators.combine(base, oddValues()).as((r, value) -> withMember(r, "variables", value)),
                Combinators.combine(base, oddValues()).as((r, value) -> withMember(r, "operationName", value)),
                Combinators.combine(base, Arbitraries.integers().between(0, 60)).as((r, cut) -> {
                    String whole = body(r[0], r[1]);
                    return whole.substring(0, Math.min(cut, whole.length()));
                }),
                oddValues());
    }

    /** One edit of a query's text: a character dropped, replaced or inserted at a seeded position. */
    private static Arbitrary<java.util.function.UnaryOperator<String>> mutatedText() {
        Arbitrary<Character> chars = Arbitraries.of('{', '}', '(', ')', '$', '!', ':', '"', '\\', '@', '#', ' ', 'x',
                '\u0000', '\u00e9', '\ud83d', '[', ']', ',', '.');
        return Combinators.combine(Arbitraries.integers().between(0, 500), chars, Arbitraries.integers().between(0, 2))
                .as((at, c, kind) -> text -> {
                    int i = at % Math.max(1, text.length());
                    return switch (kind) {
                        case 0 -> text.substring(0, i) + text.substring(Math.min(text.length(), i + 1));
                        case 1 -> text.substring(0, i) + c + text.substring(Math.min(text.length(), i + 1));
                        default -> text.substring(0, i) + c + text.substring(i);
                    };
                });
    }

    /** JSON values of every kind and some awkward sizes, as JSON text. */
    private static Arbitrary<String> oddValues() {
        return Arbitraries.of("null", "true", "0", "-1", "2147483648", "1e400", "1.5", "\"\"", "\"x\"", "[]", "[null]",
                "[1,\"a\",null]", "{}", "{\"a\":null}", "{\"id\":{}}", "\"" + "y".repeat(100_000) + "\"", "\"\\u0000\"",
                "\"\\ud800\"", "[[[[[[[[[[]]]]]]]]]]", "{\"n\":[null]}", "\"query\"", "123456789012345678901234567890");
    }

    private static String body(String query, String variablesJson) {
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("query", query);
            body.set("variables", JSON.readTree(variablesJson));
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The request with one of its variables (or a new one) given {@code value}. */
    private static String withVariable(String[] request, String value) {
        try {
            ObjectNode variables = (ObjectNode) JSON.readTree(request[1]);
            String name = variables.fieldNames().hasNext() ? variables.fieldNames().next() : "extra";
            variables.set(name, JSON.readTree(value));
            return body(request[0], JSON.writeValueAsString(variables));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The request with its member {@code name} replaced by {@code value}. */
    private static String withMember(String[] request, String name, String value) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(body(request[0], request[1]));
            JsonNode replacement = JSON.readTree(value);
            body.set(name, replacement);
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
