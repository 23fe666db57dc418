package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import dev.syncshift.emulator.cognitosync.junit.StrictAuth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * Requests the SDK clients never send but other clients do, signed by the SDK's signer and sent over plain HTTP:
 * chunked bodies, {@code Content-Length: 0}, query strings, a credential scoped to the wrong service.
 */
@StrictAuth
@ExtendWith(CognitoSyncEmulatorExtension.class)
class StrictAuthRawRequestsTest {

    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One raw request: what to send, signed for which service, and the status and error code expected. */
    record Raw(String name, String method, String path, String query, String target, String body, boolean chunked,
            String service, int status, String errorCode, String contentType) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Raw> requests() {
        return Stream.of(
                new Raw("chunked ListIdentityPools", "POST", "/", null, "ListIdentityPools", "{\"MaxResults\":5}",
                        true, "cognito-identity", 200, null, JSON_1_1),
                new Raw("Content-Length 0 ListIdentityPools", "POST", "/", null, "ListIdentityPools", "", false,
                        "cognito-identity", 400, "InvalidParameterException", JSON_1_1),
                new Raw("Content-Length 0 UpdateRecords", "POST", "{dataset}", null, null, "", false,
                        "cognito-sync", 400, "InvalidParameterException", null),
                new Raw("chunked UpdateRecords", "POST", "{dataset}", null, null, "{\"RecordPatches\":[]}", true,
                        "cognito-sync", 400, "InvalidParameterException", null),
                new Raw("ListRecords with a query string", "GET", "{dataset}/records", "lastSyncCount=0&maxResults=7",
                        null, "", false, "cognito-sync", 200, null, null),
                new Raw("credential scoped to cognito-sync on Cognito Identity", "POST", "/", null,
                        "ListIdentityPools", "{\"MaxResults\":5}", false, "cognito-sync", 403,
                        "InvalidSignatureException", JSON_1_1),
                charset("application/x-amz-json-1.1; charset=UTF-8"),
                charset("application/x-amz-json-1.1; CHARSET=utf-8"),
                charset("Application/X-Amz-Json-1.1; Charset=Utf-8"),
                new Raw("GetBulkPublishDetails as application/json; charset=UTF-8", "POST",
                        "{pool}/getBulkPublishDetails", null, null, "", false, "cognito-sync", 200, null,
                        "application/json; charset=UTF-8"));
    }

    private static Raw charset(String contentType) {
        return new Raw("ListIdentityPools as " + contentType, "POST", "/", null, "ListIdentityPools",
                "{\"MaxResults\":5}", false, "cognito-identity", 200, null, contentType);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void verifiesTheSignatureOverTheRequestAsSent(Raw raw, CognitoSyncEmulator emulator,
            CognitoIdentityClient identity, MutableClock clock) throws IOException, InterruptedException {
        String pool = Pools.newPool(identity);
        String dataset = "/identitypools/" + encode(pool) + "/identities/" + encode(Pools.newIdentity(identity, pool))
                + "/datasets/prefs";
        String path = raw.path().replace("{dataset}", dataset).replace("{pool}", "/identitypools/" + encode(pool));

        HttpResponse<String> response = HTTP.send(signed(emulator.endpoint(), raw, path, clock),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(raw.status());
        if (raw.errorCode() != null) {
            String errorType = response.headers().firstValue("x-amzn-ErrorType").orElse(response.body());
            assertThat(errorType).contains(raw.errorCode());
        }
    }

    private static HttpRequest signed(URI endpoint, Raw raw, String path, Clock clock) {
        byte[] body = raw.body().getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(raw.method()))
                .uri(URI.create(endpoint + path + (raw.query() == null ? "" : "?" + raw.query())))
                .putHeader("Host", endpoint.getHost() + ":" + endpoint.getPort());
        if (raw.target() != null) {
            unsigned.putHeader("X-Amz-Target", "AWSCognitoIdentityService." + raw.target());
        }
        if (raw.contentType() != null) {
            unsigned.putHeader("Content-Type", raw.contentType());
        }
        if (!raw.chunked() && raw.method().equals("POST")) {
            unsigned.putHeader("Content-Length", Integer.toString(body.length));
        }
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(CognitoSyncEmulatorExtension.DEVELOPER)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, raw.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.request().getUri());
        signed.request().forEachHeader((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("host") && !lower.equals("content-length")) {
                values.forEach(value -> http.header(name, value));
            }
        });
        HttpRequest.BodyPublisher publisher = raw.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return http.method(raw.method(), raw.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : publisher).build();
    }

    @Test
    void aPathThatIsNotPercentEncodedUtf8IsABadRequestBeforeTheSignatureIsChecked(CognitoSyncEmulator emulator)
            throws IOException {
        URI endpoint = emulator.endpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.getOutputStream().write(("GET /identitypools/%u00e9 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: AWS4-HMAC-SHA256 Credential="
                    + CognitoSyncEmulatorExtension.DEVELOPER.accessKeyId()
                    + "/20261122/us-east-1/cognito-sync/aws4_request, SignedHeaders=host, Signature=0123\r\n"
                    + "X-Amz-Date: 20261122T000000Z\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400 ").contains("x-amzn-ErrorType: SerializationException")
                    .endsWith("{\"message\":\"Malformed request: the path is not percent-encoded UTF-8\"}");
        }
    }

    private static String encode(String label) {
        return label.replace(":", "%3A");
    }
}
