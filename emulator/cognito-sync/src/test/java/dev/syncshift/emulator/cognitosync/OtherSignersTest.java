package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import dev.syncshift.emulator.cognitosync.junit.StrictAuth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * {@code --strict-auth} with signatures the AWS SDK for Java v2 clients never send: signed headers without
 * {@code x-amz-content-sha256} (how the JS SDK v3, Amplify and AWS's own examples sign, here made by the SDK's older
 * public {@code Aws4Signer}, which signs only the headers present) and presigned query strings.
 */
@StrictAuth
@ExtendWith(CognitoSyncEmulatorExtension.class)
class OtherSignersTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String JSON_1_1 = "application/x-amz-json-1.1";

    @Test
    void aDeveloperSignatureWithoutTheContentHashIsAccepted(URI endpoint, MutableClock clock)
            throws IOException, InterruptedException {
        SdkHttpFullRequest request = identityCall(endpoint, "ListIdentityPools", "{\"MaxResults\":5}");

        SdkHttpFullRequest signed = signWithoutContentHash(request, CognitoSyncEmulatorExtension.DEVELOPER,
                "cognito-identity", clock);
        HttpResponse<String> response = send(signed, "{\"MaxResults\":5}");

        assertThat(signed.firstMatchingHeader("Authorization")).get().asString()
                .contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target,");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void temporaryCredentialsSignedWithoutTheContentHashActAsTheirIdentity(URI endpoint, MutableClock clock,
            CognitoIdentityClient identity) throws IOException, InterruptedException {
        String pool = Pools.newPool(identity);
        String alice = Pools.newIdentity(identity, pool);
        AwsSessionCredentials device = Pools.credentialsOf(identity, alice);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(endpoint + "/identitypools/" + encode(pool) + "/identities/" + encode(alice)
                        + "/datasets/prefs/records?lastSyncCount=0&maxResults=7"))
                .build();

        SdkHttpFullRequest signed = signWithoutContentHash(request, device, "cognito-sync", clock);
        HttpResponse<String> response = send(signed, "");

        assertThat(signed.firstMatchingHeader("Authorization")).get().asString()
                .contains("SignedHeaders=host;x-amz-date;x-amz-security-token,");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).get("DatasetExists").asBoolean()).isFalse();
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedEvenWhenTheContentHashWasNotSigned(URI endpoint, MutableClock clock)
            throws IOException, InterruptedException {
        SdkHttpFullRequest signed = signWithoutContentHash(identityCall(endpoint, "ListIdentityPools",
                "{\"MaxResults\":5}"), CognitoSyncEmulatorExtension.DEVELOPER, "cognito-identity", clock);

        HttpResponse<String> response = send(signed, "{\"MaxResults\":6}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("InvalidSignatureException");
    }

    @Test
    void aPresignedRequestIsAcceptedUntilItExpires(URI endpoint, MutableClock clock)
            throws IOException, InterruptedException {
        SdkHttpRequest presigned = AwsV4HttpSigner.create().sign(r -> r
                .identity(CognitoSyncEmulatorExtension.DEVELOPER)
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                        .uri(URI.create(endpoint + "/identitypools?maxResults=5")).build())
                .payload(ContentStreamProvider.fromUtf8String(""))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-sync")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();

        HttpResponse<String> fresh = send(presigned, "");
        clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> expired = send(presigned, "");

        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(expired.body()).isEqualTo("{\"message\":\"Request has expired\"}");
    }

    private static SdkHttpFullRequest identityCall(URI endpoint, String operation, String body) {
        return SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", JSON_1_1)
                .putHeader("X-Amz-Target", "AWSCognitoIdentityService." + operation)
                .contentStreamProvider(ContentStreamProvider.fromUtf8String(body))
                .build();
    }

    @SuppressWarnings("deprecation")
    private static SdkHttpFullRequest signWithoutContentHash(SdkHttpFullRequest request, AwsCredentials credentials,
            String service, MutableClock clock) {
        return Aws4Signer.create().sign(request, Aws4SignerParams.builder().awsCredentials(credentials)
                .signingName(service).signingRegion(Region.US_EAST_1).signingClockOverride(clock).build());
    }

    private static HttpResponse<String> send(SdkHttpRequest signed, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.getUri());
        signed.forEachHeader((name, values) -> {
            if (!name.toLowerCase(Locale.ROOT).equals("host")) {
                values.forEach(value -> http.header(name, value));
            }
        });
        HttpRequest.BodyPublisher publisher = body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return HTTP.send(http.method(signed.method().name(), publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String label) {
        return label.replace(":", "%3A");
    }
}
