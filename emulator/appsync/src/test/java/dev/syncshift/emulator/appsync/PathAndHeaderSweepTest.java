package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.template.CloudFormationTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
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
 * The bad-input sweep of what surrounds a body: requests to the data plane and the control plane with one path
 * segment, query parameter or header replaced by awkward text, sent over a plain socket so that nothing (not an HTTP
 * client's checks) stands between them and the emulator (seeded, so every run sends the same ones). For every one:
 * no 5xx, AppSync's JSON error shape for the plane (never Jetty's page), a request id, and no Java text.
 */
class PathAndHeaderSweepTest {

    private static final Pattern JAVA_TEXT = Pattern.compile("java\\.|javax\\.|dev\\.syncshift|com\\.fasterxml|"
            + "org\\.eclipse|org\\.graalvm|Exception:|\\tat |(?i)jetty|<html");
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_ID = CloudFormationTemplate.load(TestApi.TEMPLATE).api().apiId();

    /** Requests as clients send them: method, path with query, body. */
    private static final List<String[]> VALID = List.of(
            new String[] {"POST", "/graphql", "{\"query\":\"{ whoami }\"}"},
            new String[] {"GET", "/v1/apis/" + API_ID + "?x=1", ""},
            new String[] {"GET", "/v1/apis/" + API_ID + "/schema?format=SDL", ""},
            new String[] {"GET", "/v1/apis/" + API_ID + "/types/Query/resolvers?maxResults=5", ""},
            new String[] {"POST", "/v1/dataplane-evaluatecode", "{\"runtime\":{\"name\":\"APPSYNC_JS\","
                    + "\"runtimeVersion\":\"1.0.0\"},\"code\":\"export function request(){}\",\"context\":\"{}\","
                    + "\"function\":\"request\"}"});

    /** Text a path segment, query value or header may be given instead of a valid one. */
    private static final List<String> ODD_TEXT = List.of("", " ", "%", "%zz", "%u00e9", "%00", "%C0%AF", "a%2Fb",
            "..", "\u00e9", "\\", "\u0000", "\ud83d\ude00", "a".repeat(9000), "\"", "'", "{", "[]", "null", "-1",
            "9223372036854775808", "/", "?", "&", "=", "+", "#", "\t", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 "
                    + "Credential=a/b/c/d/e, SignedHeaders=host, Signature=zz", "application/json; charset=UTF-16",
            "gzip", "20261301T250000Z", "\n", "\r", "a\r\nX-Injected: 1");

    private static AppSyncEmulator emulator;

    @BeforeContainer
    static void start() {
        emulator = AppSyncEmulator.start(TestApi.CONFIG);
    }

    @AfterContainer
    static void stop() {
        emulator.close();
    }

    @Property(tries = 1500, seed = "20261203", shrinking = ShrinkingMode.OFF)
    void noOddPathQueryOrHeaderIsAServerErrorOrAPageOrLeaksJava(@ForAll("requests") String request) {
        String answer = RawRequest.send(emulator.endpoint(), request);
        String shown = request.length() > 300 ? request.substring(0, 300) + "…" : request;

        Matcher status = STATUS.matcher(answer);
        assertThat(status.find()).as("%s → %s", shown, answer).isTrue();
        assertThat(Integer.parseInt(status.group(1))).as("%s → %s", shown, answer).isLessThan(500);
        assertThat(answer).as(shown).containsIgnoringCase("content-type: application/json")
                .containsIgnoringCase("x-amzn-RequestId: ");
        assertThat(JAVA_TEXT.matcher(answer).find()).as("%s → %s", shown, answer).isFalse();
        JsonNode body = body(answer);
        assertThat(body.path("message").isTextual() || body.path("errors").path(0).path("message").isTextual()
                || body.has("data") || body.has("graphqlApi") || body.has("schema") || body.has("resolvers")
                || body.has("evaluationResult") || body.has("error")).as("%s → %s", shown, answer).isTrue();
    }

    @Provide
    Arbitrary<String> requests() {
        Arbitrary<String[]> base = Arbitraries.of(VALID);
        Arbitrary<String> odd = Arbitraries.of(ODD_TEXT);
        return Arbitraries.oneOf(
                Combinators.combine(base, Arbitraries.integers().between(0, 5), odd).as((r, at, text) ->
                        request(r[0], withSegment(r[1], at, text), "", r[2])),
                Combinators.combine(base, Arbitraries.of("format", "maxResults", "nextToken", "x", ""), odd)
                        .as((r, name, text) -> request(r[0], r[1] + (r[1].contains("?") ? "&" : "?") + name + "="
                                + text, "", r[2])),
                Combinators.combine(base, Arbitraries.of("Content-Type", "Authorization", "X-Amz-Date",
                        "X-Amz-Security-Token", "Content-Encoding", "Origin", "X-Odd"), odd)
                        .as((r, name, text) -> request(r[0], r[1], name + ": " + text + "\r\n", r[2])));
    }

    /** The path with its segment number {@code at} (counted from the first, wrapping round) replaced. */
    private static String withSegment(String pathAndQuery, int at, String text) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        String[] segments = path.substring(1).split("/", -1);
        segments[at % segments.length] = text;
        return "/" + String.join("/", segments) + (query < 0 ? "" : pathAndQuery.substring(query));
    }

    private static String request(String method, String target, String header, String body) {
        return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + header
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                + body;
    }

    private static JsonNode body(String answer) {
        int start = answer.indexOf("\r\n\r\n");
        try {
            return JSON.readTree(start < 0 ? "" : answer.substring(start + 4));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
    }
}
