package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * What the emulator does with requests no SDK would send, and the exact JSON it answers with: raw HTTP against
 * the endpoint (docs/cognito-sync.md#wire-protocol).
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireTest {

    private static final String SIGNED_AT = "20261122T000000Z";
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDRAW/20261122/us-east-1/cognito-sync/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private String datasetPath;

    WireTest(CognitoSyncEmulator emulator) {
        this.endpoint = emulator.endpoint();
    }

    @BeforeAll
    void pool(CognitoIdentityClient identity) {
        String pool = Pools.newPool(identity);
        String id = Pools.newIdentity(identity, pool);
        datasetPath = "/identitypools/" + encode(pool) + "/identities/" + encode(id) + "/datasets/settings";
    }

    record Refusal(String name, String method, String pathSuffix, String contentType, String body, int status,
                   String errorType) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("malformed JSON", "POST", "", "application/json", "{\"DeviceId\": ", 400,
                        "SerializationException"),
                new Refusal("string where a date belongs", "POST", "", "application/json",
                        "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":"
                                + "\"v\",\"SyncCount\":0,\"DeviceLastModifiedDate\":\"2026-11-22\"}]}", 400,
                        "SerializationException"),
                new Refusal("string where a count belongs", "POST", "", "application/json",
                        "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":"
                                + "\"v\",\"SyncCount\":\"0\"}]}", 400, "SerializationException"),
                new Refusal("fractional count", "POST", "", "application/json",
                        "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":"
                                + "\"v\",\"SyncCount\":1.5}]}", 400, "SerializationException"),
                new Refusal("JSON array body", "POST", "", "application/json", "[]", 400, "SerializationException"),
                new Refusal("lastSyncCount that is not a number", "GET", "/records?lastSyncCount=abc", "", "", 400,
                        "SerializationException"),
                new Refusal("dot-dot segment", "GET", "/../records", "", "", 404, "UnknownOperationException"),
                new Refusal("unknown sub-resource", "GET", "/nothing-here", "", "", 404, "UnknownOperationException"),
                new Refusal("wrong method", "PUT", "", "application/json", "{}", 404, "UnknownOperationException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedWithAnErrorBodyNotAStackTrace(Refusal refusal) throws Exception {
        HttpResponse<String> response = send(refusal.method(), datasetPath + refusal.pathSuffix(),
                refusal.contentType(), refusal.body());

        assertThat(response.statusCode()).isEqualTo(refusal.status());
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(refusal.errorType());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("message").asText()).isNotBlank().doesNotContain("Exception:", "\tat ");
    }

    @Test
    void anEmptyLabelAsTheJsSdkSendsItIsAClientError() throws Exception {
        String emptyName = datasetPath.substring(0, datasetPath.lastIndexOf('/') + 1) + "/records";

        HttpResponse<String> response = send("GET", emptyName, "", "");

        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void aStringDateGetsTheRealServiceMessage() throws Exception {
        HttpResponse<String> response = send("POST", datasetPath, "application/json", "{\"SyncSessionToken\":\"t\","
                + "\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0,"
                + "\"DeviceLastModifiedDate\":\"2026-11-22\"}]}");

        assertThat(JSON.readTree(response.body()).get("message").asText())
                .isEqualTo("class java.lang.String can not be converted to milliseconds since epoch");
    }

    @Test
    void listRecordsAnswersWithExplicitNullsAndEpochSecondNumbers() throws Exception {
        JsonNode empty = JSON.readTree(send("GET", datasetPath + "/records", "", "").body());
        assertThat(empty.has("MergedDatasetNames")).isTrue();
        assertThat(empty.get("MergedDatasetNames").isNull()).isTrue();
        assertThat(empty.get("LastModifiedBy").isNull()).isTrue();
        assertThat(empty.get("NextToken").isNull()).isTrue();
        String token = empty.get("SyncSessionToken").asText();

        HttpResponse<String> pushed = send("POST", datasetPath, "application/x-amz-json-1.1",
                "{\"SyncSessionToken\":\"" + token + "\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\","
                        + "\"Value\":\"v\",\"SyncCount\":0,\"DeviceLastModifiedDate\":1712345678}]}");

        assertThat(pushed.statusCode()).isEqualTo(200);
        assertThat(pushed.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode record = JSON.readTree(pushed.body()).get("Records").get(0);
        assertThat(record.get("LastModifiedDate").isNumber()).isTrue();
        assertThat(record.get("DeviceLastModifiedDate").asDouble()).isEqualTo(1.712345678E9);
        assertThat(record.get("SyncCount").asLong()).isEqualTo(1);
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsRead() throws Exception {
        try (CognitoSyncEmulator small = CognitoSyncEmulator.start(
                CognitoSyncEmulatorConfig.builder().maxBodyBytes(64).build())) {
            HttpRequest request = HttpRequest.newBuilder(small.endpoint().resolve(datasetPath))
                    .header("Authorization", SIGNED).header("X-Amz-Date", SIGNED_AT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"DeviceId\":\"" + "d".repeat(100) + "\"}")).build();

            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("RequestEntityTooLargeException");
        }
    }

    @Test
    void anUnsignedSyncCallIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(datasetPath + "/records")).GET().build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    }

    @Test
    void aPageOfAnyOriginMayCallBothServicesAsTheJsSdkDoesInABrowser() throws Exception {
        String origin = "http://localhost:5173";
        String identityHeaders = "content-type,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request";
        String syncHeaders = "authorization,x-amz-date,x-amz-security-token,x-amz-user-agent";

        HttpResponse<String> identity = preflight("/", origin, "POST", identityHeaders);
        HttpResponse<String> sync = preflight(datasetPath, origin, "DELETE", syncHeaders);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(endpoint + datasetPath))
                .header("Origin", origin).header("Authorization", SIGNED).header("X-Amz-Date", SIGNED_AT)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> preflight : List.of(identity, sync)) {
            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue(origin);
        }
        assertThat(identity.headers().firstValue("access-control-allow-headers").orElseThrow().toLowerCase()
                .split(",")).contains(identityHeaders.split(","));
        assertThat(sync.headers().firstValue("access-control-allow-methods").orElseThrow()).contains("DELETE");
        // Listed one by one: the Fetch standard never lets a wildcard cover authorization.
        assertThat(sync.headers().firstValue("access-control-allow-headers").orElseThrow().toLowerCase()
                .split(",")).contains(syncHeaders.split(","));
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("access-control-allow-origin")).hasValue(origin);
        assertThat(answer.headers().firstValue("access-control-expose-headers").orElseThrow())
                .contains("x-amzn-ErrorType", "x-amzn-RequestId");
    }

    private HttpResponse<String> preflight(String path, String origin, String method, String headers)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", method).header("Access-Control-Request-Headers", headers)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .header("Authorization", SIGNED).header("X-Amz-Date", SIGNED_AT)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String label) {
        return URLEncoder.encode(label, StandardCharsets.UTF_8);
    }
}
