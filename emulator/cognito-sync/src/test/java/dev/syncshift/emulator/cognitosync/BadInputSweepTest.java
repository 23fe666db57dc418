package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.fixture.EmulatorState;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The bad-input sweep: thousands of requests, each a valid request of one operation bent by one mutation of a
 * member, the JSON text, a path label, the query or a header (seeded, so every run sends the same ones). For every
 * one: no 5xx; a refusal is JSON in the service's error shape with a typed error name and no Java in it; and a
 * refused request changes no pool, identity, dataset or record.
 */
class BadInputSweepTest {

    private static final Pattern ERROR_NAME = Pattern.compile("[A-Z][A-Za-z]+Exception");
    private static final Pattern JAVA_TEXT = Pattern.compile("java\\.|javax\\.|dev\\.syncshift|com\\.fasterxml|"
            + "org\\.eclipse|Exception:|\\tat |ALLOW_|JsonReadFeature|Feature '|`|(?i)jetty|<html");
    /** The real service's words for a timestamp that is not a number: kept for fidelity, though they name a class. */
    private static final String AWS_DATE_TEXT = "class java.lang.String can not be converted to milliseconds since "
            + "epoch";
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDSWEEP/20261122/us-east-1/%s/"
            + "aws4_request, SignedHeaders=host, Signature=0123";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CognitoSyncEmulator emulator;
    private static String identityId;

    @BeforeContainer
    static void start() {
        emulator = CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder().generate(3)
                .identityPoolId(SweepRequests.POOL).seed(11).build());
        identityId = emulator.identityStore().identities(new dev.syncshift.core.IdentityPoolId(SweepRequests.POOL),
                null, 1).get(0).id().value();
    }

    @AfterContainer
    static void stop() {
        emulator.close();
    }

    @Property(tries = 5000, seed = "20261122", shrinking = ShrinkingMode.OFF)
    void noBadRequestIsAServerErrorOrLeaksJavaOrChangesState(@ForAll("requests") SweepRequests.Request request)
            throws Exception {
        EmulatorState before = state();

        RawHttp.Response response = send(request);

        assertThat(response.status()).as("%s → %s", request, response).isLessThan(500);
        assertThat(JAVA_TEXT.matcher(shownBeyondItsErrorType(response).replace(AWS_DATE_TEXT, "")).find())
                .as("%s → %s", request, response).isFalse();
        if (response.status() != 200) {
            assertTypedError(request, response);
            assertThat(state()).as("state after %s → %s", request, response).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<SweepRequests.Request> requests() {
        return SweepRequests.requests();
    }

    /**
     * The service's error shape: an {@code X-Amz-Target} header makes it a Cognito Identity request, whose error is
     * named in the body's {@code __type} and in {@code x-amzn-ErrorType} with a trailing colon. A request Jetty
     * cannot read as HTTP (a control character in a header) is refused before its service is known, so an Identity
     * request may get the Sync shape then.
     */
    private static void assertTypedError(SweepRequests.Request request, RawHttp.Response response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").isTextual()).as("%s → %s", request, response).isTrue();
        String header = response.header("x-amzn-ErrorType").orElse("");
        String name = body.has("__type") ? body.get("__type").asText() : header;
        assertThat(name).as("%s → %s", request, response).matches(ERROR_NAME);
        assertThat(header).as("%s → %s", request, response).isIn(name, name + ":");
    }

    /** Everything the caller sees but the error type, whose exact form {@link #assertTypedError} checks. */
    private static String shownBeyondItsErrorType(RawHttp.Response response) {
        Map<String, String> headers = new TreeMap<>(response.headers());
        headers.remove("x-amzn-errortype");
        return headers + " " + response.body();
    }

    private static EmulatorState state() {
        return EmulatorState.capture(emulator.identityStore(), emulator.datasetStore());
    }

    private static RawHttp.Response send(SweepRequests.Request request) {
        URI endpoint = emulator.endpoint();
        String path = request.path().replace("{identityPath}", identityId.replace(":", "%3A"));
        StringBuilder head = new StringBuilder(request.method() + " " + path + " HTTP/1.1\r\nHost: "
                + endpoint.getHost() + ":" + endpoint.getPort() + "\r\nAuthorization: "
                + AUTHORIZATION.formatted(request.identity() ? "cognito-identity" : "cognito-sync")
                + "\r\nX-Amz-Date: 20261122T000000Z");
        request.headers().forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
        String body = request.body().replace("{identity}", identityId);
        return RawHttp.send(endpoint, head.toString(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
