package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.junit.RealtimeClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Golden files ({@code golden/WireShapeTest_<method>.json}) pin the exact JSON AppSync clients parse. */
class WireShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
