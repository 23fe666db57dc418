package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.CreateIdentityPoolRequest;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * Bad input as a careful user sends it: JSON that is null or holds nulls, JSON a Java parser would give advice on,
 * timestamps no date can hold, tokens this API never issued, members past the model's constraints, and URIs and
 * headers Jetty refuses. Each is a 4xx in the service's error shape, with no Java in it, and changes nothing.
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class BadInputTest {

    private static final String SIGNED_AT = "20261122T000000Z";
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDBAD/20261122/us-east-1/%s/aws4_request, "
            + "SignedHeaders=host, Signature=0123";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final CognitoSyncEmulator emulator;
    private final CognitoIdentityClient identity;
    private final CognitoSyncClient sync;
    private String pool;
    private String identityId;

    BadInputTest(CognitoSyncEmulator emulator, CognitoIdentityClient identity, CognitoSyncClient sync) {
        this.emulator = emulator;
        this.identity = identity;
        this.sync = sync;
    }

    @BeforeEach
    void newIdentity() {
        pool = Pools.newPool(identity);
        identityId = Pools.newIdentity(identity, pool);
    }

    static Stream<String[]> nullBodies() {
        String pool = "{\"IdentityPoolName\":\"p\",\"AllowUnauthenticatedIdentities\":true,";
        return Stream.of(
                new String[] {"ListIdentities", "null", "The request body must be a JSON object"},
                new String[] {"CreateIdentityPool", "[1]", "The request body must be a JSON object"},
                new String[] {"ListIdentities", "{\"MaxResults\":NaN}", "The request body is not valid JSON at line 1, "
                    + "column 18"},
                new String[] {"ListIdentities", "{/* note */}",
                    "The request body is not valid JSON at line 1, column 2"},
                new String[] {"DescribeIdentity", "{\"IdentityId\":\"a\",\"IdentityId\":\"b\"}",
                    "A member appears more than once at line 1, column 31"},
                new String[] {"DescribeIdentity", "{\"IdentityId\":[]}", "Expected a string at 'IdentityId'"});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nullBodies")
    void identityBodiesThatAreNotTheShapeAreSerializationExceptionsInPlainWords(String target, String body,
            String message) throws Exception {
        int pools = identity.listIdentityPools(r -> r.maxResults(60)).identityPools().size();

        HttpResponse<String> response = identityCall(target, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException:");
        assertThat(response.body()).isEqualTo("{\"__type\":\"SerializationException\",\"message\":\"" + message
                + "\"}");
        assertThat(identity.listIdentityPools(r -> r.maxResults(60)).identityPools()).hasSize(pools);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "CreateIdentityPool|{\"IdentityPoolName\":\"p\",\"AllowUnauthenticatedIdentities\":true,"
            + "\"CognitoIdentityProviders\":[null]}|cognitoIdentityProviders.1.member",
        "CreateIdentityPool|{\"IdentityPoolName\":\"p\",\"AllowUnauthenticatedIdentities\":true,"
            + "\"IdentityPoolTags\":{\"k\":null}}|identityPoolTags.k",
        "GetId|{\"IdentityPoolId\":\"us-east-1:00000000-0000-4000-8000-000000000009\","
            + "\"Logins\":{\"p\":null}}|logins.p"})
    void aNullElementIsAValidationErrorNamingItsMember(String target, String body, String member) throws Exception {
        int pools = identity.listIdentityPools(r -> r.maxResults(60)).identityPools().size();

        HttpResponse<String> response = identityCall(target, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"InvalidParameterException\",\"message\":\"1 validation "
                + "error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be "
                + "null\"}");
        assertThat(identity.listIdentityPools(r -> r.maxResults(60)).identityPools()).hasSize(pools);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"null", "{\"RecordPatches\":[null]}", "{\"RecordPatches\":[{\"Op\":\"replace\","
        + "\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0,\"DeviceLastModifiedDate\":1e300}]}",
        "{\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"SyncCount\":0,\"DeviceLastModifiedDate\":1e20}]}",
        "{\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"SyncCount\":0,"
            + "\"DeviceLastModifiedDate\":9223372036854775808}]}",
        "{\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"SyncCount\":0,"
            + "\"DeviceLastModifiedDate\":-9223372036854775808}]}"})
    void updateRecordsBodiesNoDateCanHoldAreRefusedAndWriteNothing(String patches) throws Exception {
        String token = sync.listRecords(r -> r.identityPoolId(pool).identityId(identityId).datasetName("ds"))
                .syncSessionToken();
        String body = patches.equals("null") ? patches
                : patches.replace("{\"RecordPatches\"", "{\"SyncSessionToken\":\"" + token + "\",\"RecordPatches\"");

        HttpResponse<String> response = syncCall("POST", datasetPath("ds"), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType").orElseThrow())
                .isIn("SerializationException", "InvalidParameterException");
        assertNoJava(response.body());
        assertThat(sync.listRecords(r -> r.identityPoolId(pool).identityId(identityId).datasetName("ds"))
                .datasetExists()).isFalse();
    }

    @Test
    void nextTokensThisApiNeverIssuedAreRefusedByEveryList() {
        Stream.<Consumer<String>>of(
                token -> sync.listDatasets(r -> r.identityPoolId(pool).identityId(identityId).nextToken(token)),
                token -> sync.listIdentityPoolUsage(r -> r.nextToken(token)),
                token -> identity.listIdentityPools(r -> r.maxResults(5).nextToken(token)),
                token -> sync.listRecords(r -> r.identityPoolId(pool).identityId(identityId).datasetName("ds")
                        .nextToken(token)),
                token -> identity.listIdentities(r -> r.identityPoolId(pool).maxResults(5).nextToken(token)))
                .forEach(list -> assertThatThrownBy(() -> list.accept("garbage"))
                        .isInstanceOfSatisfying(AwsServiceException.class, e -> ServiceErrors.assertError(e,
                                "InvalidParameterException", 400, "1 validation error detected: Value 'garbage' at "
                                        + "'nextToken' failed to satisfy constraint: Member must be a token returned "
                                        + "by this API")));
    }

    static Stream<Object[]> poolsPastTheModel() {
        String key129 = "k".repeat(129);
        return Stream.of(
                pool("developer provider name with a space", p -> p.developerProviderName("a b"),
                        "developerProviderName"),
                pool("tag key of 129", p -> p.identityPoolTags(Map.of(key129, "v")), "identityPoolTags"),
                pool("tag value of 257", p -> p.identityPoolTags(Map.of("k", "v".repeat(257))), "identityPoolTags"),
                pool("51 tags", p -> p.identityPoolTags(IntStream.range(0, 51).boxed()
                        .collect(java.util.stream.Collectors.toMap(i -> "k" + i, i -> "v"))), "identityPoolTags"),
                pool("tag key with a control character", p -> p.identityPoolTags(Map.of("a\tb", "v")),
                        "identityPoolTags"),
                pool("client id with a dash", p -> p.cognitoIdentityProviders(CognitoIdentityProvider.builder()
                        .providerName("cognito-idp.us-east-1.amazonaws.com/us-east-1_abc").clientId("a-b").build()),
                        "cognitoIdentityProviders.clientId"));
    }

    private static Object[] pool(String name, Consumer<CreateIdentityPoolRequest.Builder> change, String member) {
        return new Object[] {name, change, member};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolsPastTheModel")
    void createIdentityPoolKeepsTheModelsConstraints(String name, Consumer<CreateIdentityPoolRequest.Builder> change,
            String member) {
        int pools = identity.listIdentityPools(r -> r.maxResults(60)).identityPools().size();

        assertThatThrownBy(() -> identity.createIdentityPool(p -> change.accept(p.identityPoolName("p")
                .allowUnauthenticatedIdentities(true)))).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("at '" + member + "'");
                });
        assertThat(identity.listIdentityPools(r -> r.maxResults(60)).identityPools()).hasSize(pools);
    }

    @Test
    void customRoleArnAndPrincipalTagsKeepTheModelsLengths() {
        String provider = "login.bad.example";
        String developerPool = DeveloperPools.newPool(identity, provider);

        assertThatThrownBy(() -> identity.getCredentialsForIdentity(r -> r.identityId(identityId)
                .customRoleArn("arn:short"))).hasMessageContaining("at 'customRoleArn'");
        assertThatThrownBy(() -> identity.getCredentialsForIdentity(r -> r.identityId(identityId)
                .customRoleArn("arn:" + "x".repeat(2045)))).hasMessageContaining("at 'customRoleArn'");
        assertThatThrownBy(() -> identity.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(developerPool)
                .logins(Map.of(provider, "u1")).principalTags(Map.of("k", "v".repeat(257)))))
                .hasMessageContaining("at 'principalTags'");
        assertThat(identity.listIdentities(r -> r.identityPoolId(developerPool).maxResults(60)).identities())
                .isEmpty();
    }

    @Test
    void aCognitoIdentityLoginThatIsNoTokenIsRefusedEvenForAnUnauthenticatedIdentity() {
        assertThatThrownBy(() -> identity.getCredentialsForIdentity(r -> r.identityId(identityId)
                .logins(Map.of("cognito-identity.amazonaws.com", "not-a-token"))))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> ServiceErrors.assertError(e,
                        "NotAuthorizedException", 400, "Invalid login token. Not a valid OpenId Connect identity "
                                + "token."));
        assertThat(identity.describeIdentity(r -> r.identityId(identityId)).logins()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/identitypools/%00", "/identitypools/%zz", "/identitypools/%", "/identitypools/%C0%AF",
        "/identitypools/a\\b", "/identitypools/%u00e9", "/identitypools/\u00e9", "/identitypools?nextToken=%zz",
        "/identitypools/{long}"})
    void pathsJettyOrTheSdkWouldNeverSendAreTheServicesErrorNotAPage(String path) throws Exception {
        String target = path.replace("{long}", "a".repeat(9000));

        String response = rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + SIGNED.formatted("cognito-sync") + "\r\nX-Amz-Date: " + SIGNED_AT
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1\\.1 4\\d\\d .*").contains("x-amzn-ErrorType: SerializationException")
                .contains("Content-Type: application/json").doesNotContainIgnoringCase("jetty")
                .doesNotContain("<html");
        assertNoJava(response);
    }

    @Test
    void headersOverTheLimitAreTheServicesErrorNotAPage() throws Exception {
        String response = rawRequest("GET /identitypools HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(9000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 431 ").contains("x-amzn-ErrorType: SerializationException")
                .endsWith("{\"message\":\"The request headers are too large\"}").doesNotContainIgnoringCase("jetty");
    }

    private static void assertNoJava(String text) {
        assertThat(text).doesNotContain("java.", "dev.syncshift", "Exception:", "\tat ", "ALLOW_", "Feature",
                "`", "com.fasterxml");
    }

    private String rawRequest(String request) throws Exception {
        URI endpoint = emulator.endpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String datasetPath(String dataset) {
        return "/identitypools/" + pool.replace(":", "%3A") + "/identities/" + identityId.replace(":", "%3A")
                + "/datasets/" + dataset;
    }

    private HttpResponse<String> identityCall(String target, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("Authorization", SIGNED.formatted("cognito-identity")).header("X-Amz-Date", SIGNED_AT)
                .header("X-Amz-Target", "AWSCognitoIdentityService." + target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> syncCall(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                .header("Authorization", SIGNED.formatted("cognito-sync")).header("X-Amz-Date", SIGNED_AT)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
