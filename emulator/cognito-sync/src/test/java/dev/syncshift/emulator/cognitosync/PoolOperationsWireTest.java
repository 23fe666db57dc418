package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * The usage and configuration operations in raw HTTP: exact routes and response bodies, bodiless POSTs as JS v3
 * sends them, and no server fault for any mangled body (docs/cognito-sync.md#wire-protocol).
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class PoolOperationsWireTest {

    private static final String SIGNED_AT = "20261122T000000Z";
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDWIRE/20261122/us-east-1/cognito-sync/"
            + "aws4_request, SignedHeaders=host, Signature=0123";
    private static final String MANGLERS = "{}[]\":,0123456789-truefalsnul\\ \u00e9";

    private final HttpClient http = HttpClient.newHttpClient();
    private final CognitoSyncEmulator emulator;
    private final CognitoIdentityClient identity;
    private String pool;
    private String poolPath;

    PoolOperationsWireTest(CognitoSyncEmulator emulator, CognitoIdentityClient identity) {
        this.emulator = emulator;
        this.identity = identity;
    }

    @BeforeEach
    void newPool() {
        pool = Pools.newPool(identity);
        poolPath = "/identitypools/" + URLEncoder.encode(pool, StandardCharsets.UTF_8);
    }

    @Test
    void getBulkPublishDetailsIsAPostToItsCamelCasePathWithExplicitNulls() throws Exception {
        HttpResponse<String> response = send("POST", poolPath + "/getBulkPublishDetails", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"IdentityPoolId\":\"" + pool + "\",\"BulkPublishStartTime\":null,"
                + "\"BulkPublishCompleteTime\":null,\"BulkPublishStatus\":\"NOT_STARTED\",\"FailureMessage\":null}");
    }

    @Test
    void aBodilessBulkPublishGetsTheModeledError() throws Exception {
        HttpResponse<String> response = send("POST", poolPath + "/bulkpublish", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidConfigurationException");
        assertThat(response.body()).isEqualTo("{\"message\":\"Cognito Streams is not enabled for identity pool '"
                + pool + "'.\"}");
    }

    @Test
    void anUnconfiguredPoolAnswersWithNullSettingsAndNoEvents() throws Exception {
        assertThat(send("GET", poolPath + "/configuration", null).body()).isEqualTo("{\"IdentityPoolId\":\"" + pool
                + "\",\"PushSync\":null,\"CognitoStreams\":null}");
        assertThat(send("GET", poolPath + "/events", null).body()).isEqualTo("{\"Events\":{}}");
    }

    @Test
    void setCognitoEventsAnswersWithAnEmptyBody() throws Exception {
        HttpResponse<String> response = send("POST", poolPath + "/events", "{\"Events\":{\"SyncTrigger\":\"arn\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void registerDeviceLivesUnderTheSingularIdentityPath() throws Exception {
        String identityPath = "/identities/" + URLEncoder.encode(Pools.newIdentity(identity, pool),
                StandardCharsets.UTF_8) + "/device";

        HttpResponse<String> plural = send("POST", poolPath + identityPath, "{\"Platform\":\"GCM\",\"Token\":\"t\"}");
        HttpResponse<String> singular = send("POST", poolPath + identityPath.replace("/identities/", "/identity/"),
                "{\"Platform\":\"GCM\",\"Token\":\"t\"}");

        assertThat(plural.statusCode()).isEqualTo(404);
        assertThat(plural.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(singular.statusCode()).isEqualTo(403);
        assertThat(singular.body()).isEqualTo("{\"message\":\"This operation requires Cognito credentials.\"}");
    }

    @Test
    void aNullApplicationArnIsNamedInTheError() throws Exception {
        HttpResponse<String> response = send("POST", poolPath + "/configuration",
                "{\"PushSync\":{\"ApplicationArns\":[null]}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"1 validation error detected: Value null at "
                + "'pushSync.applicationArns.1.member' failed to satisfy constraint: Member must not be null\"}");
    }

    static Stream<String[]> bodies() {
        return Stream.of(
                new String[] {"/configuration", "{\"PushSync\":{\"ApplicationArns\":[\"arn:aws:sns:us-east-1:1:app/"
                        + "GCM/a\"],\"RoleArn\":\"arn:aws:iam::1:role/r\"},\"CognitoStreams\":{\"StreamName\":\"s\","
                        + "\"RoleArn\":\"arn:aws:iam::1:role/r\",\"StreamingStatus\":\"ENABLED\"}}"},
                new String[] {"/events", "{\"Events\":{\"SyncTrigger\":\"arn:aws:lambda:us-east-1:1:function:f\"}}"});
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void noMangledBodyCausesAServerFault(String suffix, String valid) throws Exception {
        Random random = new Random(suffix.hashCode());

        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = send("POST", poolPath + suffix, mangle(valid, random));

            assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
        }
    }

    private static String mangle(String valid, Random random) {
        StringBuilder text = new StringBuilder(valid);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(text.length());
            char c = MANGLERS.charAt(random.nextInt(MANGLERS.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, c);
                case 1 -> text.insert(at, c);
                default -> text.deleteCharAt(at);
            }
        }
        return text.toString();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                .header("Authorization", SIGNED).header("X-Amz-Date", SIGNED_AT).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
