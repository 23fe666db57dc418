package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.RealtimeClient;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What AppSync clients read off the wire: golden files ({@code golden/WireShapeTest_<method>.json}) pin the exact
 * JSON they parse; raw sockets send what no SDK would, and the answer is still AppSync's shape, never Jetty's page.
 */
class WireShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = TestApi.extension();

    @Test
    void fieldErrorInAnHttp200(AppSyncEmulator emulator, TestInfo test) throws IOException {
        SignedGraphQlClient.Answer answer = new SignedGraphQlClient(emulator.endpoint())
                .post(Caller.ALICE.credentials(), "{ fail(type: \"Custom\") }", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(golden(test));
    }

    @Test
    void unauthorizedAtTheHttpLevel(AppSyncEmulator emulator, TestInfo test) throws IOException {
        SignedGraphQlClient.Answer answer = new SignedGraphQlClient(emulator.endpoint())
                .postUnsigned("{ whoami }", Map.of());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(golden(test));
    }

    @Test
    void noServerHeaderAnnouncesJetty(AppSyncEmulator emulator) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("server")).isEmpty();
    }

    @Test
    void everyAnswerNamesItsRequestAsAppSyncDoes(AppSyncEmulator emulator) throws Exception {
        String body = SignedGraphQlClient.body("{ whoami }", Map.of());
        HttpRequest.Builder signed = HttpRequest.newBuilder(emulator.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        new SignedGraphQlClient(emulator.endpoint())
                .signedHeaders(Caller.ALICE.credentials(), emulator.endpoint(), body, Clock.systemUTC())
                .forEach((name, value) -> {
                    if (!name.equalsIgnoreCase("host")) {
                        signed.header(name, value);
                    }
                });
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> answered = http.send(signed.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(emulator.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        String first = answered.headers().firstValue("x-amzn-RequestId").orElseThrow();
        String second = refused.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(first).matches(UUID_FORM).isNotEqualTo(second);
        assertThat(second).matches(UUID_FORM);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/graphql%00", "/graphql%zz", "/graphql%", "/graphql%C0%AF", "/a\\b", "/caf\u00e9",
        "/graphql?{long}", "/v1/apis/%zz", "/v1/apis/%C0%AF"})
    void requestsJettyRefusesAreAppSyncsErrorNotAPage(String path, AppSyncEmulator emulator) throws Exception {
        String target = path.replace("{long}", "a".repeat(9000));

        String response = RawRequest.send(emulator.endpoint(), "POST " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

        boolean controlPlane = path.equals("/v1/apis/%C0%AF");
        assertThat(response).matches("(?s)HTTP/1\\.1 4\\d\\d .*").contains("x-amzn-ErrorType: "
                + (controlPlane ? "BadRequestException" : "MalformedHttpRequestException"))
                .contains("Content-Type: application/json").containsPattern("x-amzn-RequestId: " + UUID_FORM)
                .doesNotContainIgnoringCase("jetty").doesNotContain("<html", "java", "Exception:");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        JsonNode json = JSON.readTree(body);
        JsonNode error = json.has("errors") ? json.path("errors").path(0) : json;
        assertThat(json.has("errors")).as(body).isEqualTo(!controlPlane);
        assertThat(error.path("message").asText()).as(body).isIn("Malformed HTTP request",
                "The request URI is too long");
    }

    @Test
    void headersOverTheLimitAreAppSyncsErrorNotAPage(AppSyncEmulator emulator) throws Exception {
        String response = RawRequest.send(emulator.endpoint(), "POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(9000) + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(response).startsWith("HTTP/1.1 431 ").contains("x-amzn-ErrorType: MalformedHttpRequestException")
                .containsPattern("x-amzn-RequestId: " + UUID_FORM).doesNotContainIgnoringCase("jetty")
                .endsWith("{\"errors\":[{\"errorType\":\"MalformedHttpRequestException\",\"message\":"
                        + "\"The request headers are too large\"}]}");
    }

    @Test
    void aPageOfAnyOriginMayCallTheApiWithSigV4Headers(AppSyncEmulator emulator) throws Exception {
        String origin = "http://localhost:5173";
        String asked = "authorization,content-type,x-amz-date,x-amz-security-token,x-amz-user-agent";
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(emulator.endpoint())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", asked)
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(emulator.endpoint()).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue(origin);
        assertThat(preflight.headers().firstValue("access-control-allow-methods").orElseThrow()).contains("POST");
        // Listed one by one: the Fetch standard never lets a wildcard cover authorization.
        assertThat(preflight.headers().firstValue("access-control-allow-headers").orElseThrow().toLowerCase()
                .split(",")).contains(asked.split(","));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("access-control-allow-origin")).hasValue(origin);
        assertThat(refused.headers().firstValue("access-control-expose-headers").orElseThrow())
                .contains("x-amzn-ErrorType", "x-amzn-RequestId");
    }

    @Test
    void connectionAck(AppSyncEmulator emulator, TestInfo test) throws IOException {
        try (RealtimeClient client = RealtimeClient.open(Caller.ALICE.credentials(), emulator.endpoint(),
                emulator.realtimeEndpoint(), RealtimeClient.Authorization.UPGRADE_HEADERS)) {
            client.init();

            JsonNode ack = client.next("connection_ack");

            assertThat(ack).isEqualTo(golden(test));
        }
    }

    private static JsonNode golden(TestInfo test) throws IOException {
        String name = "WireShapeTest_" + test.getTestMethod().orElseThrow().getName() + ".json";
        return JSON.readTree(Path.of("src/test/resources/golden", name).toFile());
    }
}
