package dev.syncshift.emulator.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** The verifier against the AWS SDK for Java's own signer, AWS's published example, and what it must refuse. */
class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final AwsCredentialsIdentity KEY = AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret/key+1");
    private static final AwsSessionCredentialsIdentity TEMPORARY =
            AwsSessionCredentialsIdentity.create("ASIAEXAMPLE", "temporary-secret", "session+token/=");
    private static final SigV4Verifier VERIFIER = new SigV4Verifier(Clock.fixed(NOW, ZoneOffset.UTC));

    /** A request the SDK signs, described by what it sends. */
    record Sent(String name, SdkHttpMethod method, String uri, String body, AwsCredentialsIdentity credentials) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Sent> sdkSigned() {
        return Stream.of(
                new Sent("POST /graphql with a JSON body", SdkHttpMethod.POST, "http://127.0.0.1:8080/graphql",
                        "{\"query\":\"{ a }\"}", KEY),
                new Sent("temporary credentials", SdkHttpMethod.POST, "http://127.0.0.1:8080/graphql", "{}",
                        TEMPORARY),
                new Sent("GET with an encoded path and query", SdkHttpMethod.GET,
                        "http://localhost/v1/apis/a%3Ab/types/T%20x/resolvers?maxResults=5&nextToken=a%2Bb%2Fc%3D",
                        "", KEY),
                new Sent("repeated and unordered query names", SdkHttpMethod.GET,
                        "http://localhost/x?b=2&a=2&a=1&empty=&flag", "", KEY),
                new Sent("non-ASCII body and path", SdkHttpMethod.PUT, "http://localhost/%C3%A9t%C3%A9/../r%C3%A9",
                        "grüße 東京", KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdkSigned")
    void acceptsWhatTheSdkSigns(Sent sent) {
        SignedHttpRequest received = received(sdkSign(sent, NOW.minusSeconds(60)), sent.body());

        SigV4Authorization verified = VERIFIER.verify(received, "appsync", key -> Optional.of(sent.credentials()));

        assertThat(verified.accessKeyId()).isEqualTo(sent.credentials().accessKeyId());
        assertThat(verified.signedHeaders()).contains("x-amz-content-sha256");
    }

    @Test
    void acceptsAwsDocumentedExampleThatSignsNoContentHash() {
        SignedHttpRequest request = SignedHttpRequest.of("GET", "/", "Action=ListUsers&Version=2010-05-08", Map.of(
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                "Host", "iam.amazonaws.com",
                "X-Amz-Date", "20150830T123600Z",
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"),
                new byte[0]);
        SigV4Verifier then = new SigV4Verifier(Clock.fixed(Instant.parse("2015-08-30T12:40:00Z"), ZoneOffset.UTC));

        then.verify(request, "iam", key -> Optional.of(AwsCredentialsIdentity.create("AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")));
    }

    @Test
    void acceptsAnySubsetOfHeadersTheClientChoseToSign() {
        Sent sent = sdkSigned().findFirst().orElseThrow();
        SdkHttpRequest signed = sdkSign(sent, NOW);
        SignedHttpRequest received = received(signed, sent.body());
        SigV4Authorization authorization = SigV4Authorization.of(received);
        Map<String, String> headers = new LinkedHashMap<>();
        received.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        headers.remove("x-amz-content-sha256");
        List<String> signedHeaders = List.of("content-type", "host", "x-amz-date");
        SigV4Authorization narrower = new SigV4Authorization(authorization.accessKeyId(), authorization.scopeDate(),
                authorization.region(), authorization.service(), signedHeaders, "", authorization.amzDate(), false, 0,
                null);
        String signature = SigV4Verifier.signature(SignedHttpRequest.of("POST", "/graphql", null, headers,
                bytes(sent.body())), narrower, KEY.secretAccessKey());
        headers.put("authorization", "AWS4-HMAC-SHA256 Credential=" + KEY.accessKeyId() + "/20261201/us-east-1/"
                + "appsync/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=" + signature);

        VERIFIER.verify(SignedHttpRequest.of("POST", "/graphql", null, headers, bytes(sent.body())), "appsync",
                key -> Optional.of(KEY));
    }

    @Test
    void acceptsAPresignedRequestUntilItExpires() {
        Sent sent = new Sent("presigned GET", SdkHttpMethod.GET, "http://localhost/v1/apis/abc?x=1", "", KEY);
        SdkHttpRequest presigned = AwsV4HttpSigner.create().sign(r -> r.identity(KEY).request(unsigned(sent))
                .payload(ContentStreamProvider.fromUtf8String(""))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "appsync")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC))).request();
        SignedHttpRequest received = received(presigned, "");

        assertThat(VERIFIER.verify(received, "appsync", key -> Optional.of(KEY)).presigned()).isTrue();
        SigV4Verifier later = new SigV4Verifier(Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.verify(received, "appsync", key -> Optional.of(KEY)))
                .isInstanceOfSatisfying(SigV4Failure.class, e -> assertThat(e.reason()).isEqualTo(
                        FailureReason.EXPIRED));
    }

    @Test
    void allowsFifteenMinutesOfClockSkewEitherWay() {
        Sent sent = sdkSigned().findFirst().orElseThrow();
        for (Duration skew : List.of(Duration.ofMinutes(14), Duration.ofMinutes(-14))) {
            VERIFIER.verify(received(sdkSign(sent, NOW.plus(skew)), sent.body()), "appsync", key -> Optional.of(KEY));
        }
        assertThat(refusal(received(sdkSign(sent, NOW.minus(Duration.ofMinutes(16))), sent.body()), KEY))
                .satisfies(e -> assertThat(e.getMessage()).isEqualTo("Signature expired: 20261201T094400Z is now "
                        + "earlier than 20261201T094500Z (20261201T100000Z - 15 min.)"));
        assertThat(refusal(received(sdkSign(sent, NOW.plus(Duration.ofMinutes(16))), sent.body()), KEY).reason())
                .isEqualTo(FailureReason.EXPIRED);
    }

    /** A service allowing less skew (AppSync: 5 minutes) says so in its refusal. */
    @Test
    void allowsTheSkewAServiceGives() {
        Sent sent = sdkSigned().findFirst().orElseThrow();
        SigV4Verifier fiveMinutes = new SigV4Verifier(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
        fiveMinutes.verify(received(sdkSign(sent, NOW.minus(Duration.ofMinutes(4))), sent.body()), "appsync",
                key -> Optional.of(KEY));

        assertThatThrownBy(() -> fiveMinutes.verify(received(sdkSign(sent, NOW.plus(Duration.ofMinutes(6))),
                sent.body()), "appsync", key -> Optional.of(KEY))).isInstanceOfSatisfying(SigV4Failure.class,
                e -> assertThat(e.getMessage()).isEqualTo("Signature not yet current: 20261201T100600Z is still "
                        + "later than 20261201T100500Z (20261201T100000Z + 5 min.)"));
    }

    @Test
    void refusesWhatAwsRefuses() {
        Sent post = sdkSigned().findFirst().orElseThrow();
        SignedHttpRequest good = received(sdkSign(post, NOW), post.body());

        assertThat(refusal(withBody(good, "{\"query\":\"{ b }\"}"), KEY).reason())
                .isEqualTo(FailureReason.SIGNATURE_MISMATCH);
        assertThat(refusal(good, AwsCredentialsIdentity.create("AKIDEXAMPLE", "other")).reason())
                .isEqualTo(FailureReason.SIGNATURE_MISMATCH);
        assertThat(refusal(good, AwsSessionCredentialsIdentity.create("AKIDEXAMPLE", "secret/key+1", "t")).reason())
                .isEqualTo(FailureReason.UNKNOWN_CREDENTIALS);
        assertThatThrownBy(() -> VERIFIER.verify(good, "cognito-sync", key -> Optional.of(KEY)))
                .isInstanceOfSatisfying(SigV4Failure.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.WRONG_SERVICE));
        assertThatThrownBy(() -> VERIFIER.verify(good, "appsync", key -> Optional.empty()))
                .isInstanceOfSatisfying(SigV4Failure.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.UNKNOWN_CREDENTIALS));
        assertThatThrownBy(() -> SigV4Authorization.of(SignedHttpRequest.of("POST", "/", null, Map.of(), new byte[0])))
                .isInstanceOfSatisfying(SigV4Failure.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.MISSING));
        assertThatThrownBy(() -> SigV4Authorization.of(SignedHttpRequest.of("POST", "/", null, Map.of(
                "Authorization", "AWS4-HMAC-SHA256 Credential=x", "X-Amz-Date", "20261201T100000Z"), new byte[0])))
                .isInstanceOfSatisfying(SigV4Failure.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.INCOMPLETE));
    }

    @Test
    void temporaryCredentialsNeedTheirOwnToken() {
        Sent sent = new Sent("temporary", SdkHttpMethod.POST, "http://localhost/graphql", "{}", TEMPORARY);
        SignedHttpRequest good = received(sdkSign(sent, NOW), "{}");
        Map<String, String> headers = new LinkedHashMap<>();
        good.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        headers.put("x-amz-security-token", "another-token");

        assertThat(refusal(SignedHttpRequest.of("POST", "/graphql", null, headers, bytes("{}")), TEMPORARY).reason())
                .isEqualTo(FailureReason.UNKNOWN_CREDENTIALS);
    }

    @Test
    void decodesQueriesAsRfc3986WithPlusAsAPlusSign() {
        assertThat(PercentDecoding.decode("a+b%2Bc%20d%zz%")).isEqualTo("a+b+c d%zz%");
        assertThat(UriEncoding.encode("é /~", false)).isEqualTo("%C3%A9%20%2F~");
        assertThat(SignedHttpRequest.of("GET", "/", "header=ab+c%3D&payload=e30=", Map.of(), new byte[0])
                .queryParameter("header")).isEqualTo("ab+c=");
    }

    private static SigV4Failure refusal(SignedHttpRequest request, AwsCredentialsIdentity credentials) {
        try {
            VERIFIER.verify(request, "appsync", key -> Optional.of(credentials));
        } catch (SigV4Failure e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    private static SdkHttpRequest unsigned(Sent sent) {
        return SdkHttpRequest.builder().method(sent.method()).uri(URI.create(sent.uri()))
                .putHeader("content-type", "application/json; charset=UTF-8").build();
    }

    private static SdkHttpRequest sdkSign(Sent sent, Instant at) {
        return AwsV4HttpSigner.create().sign(r -> r.identity(sent.credentials()).request(unsigned(sent))
                .payload(ContentStreamProvider.fromUtf8String(sent.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "appsync")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
    }

    /** What a server receives from the signed request: the raw path and query, the headers, the body. */
    private static SignedHttpRequest received(SdkHttpRequest signed, String body) {
        URI uri = signed.getUri();
        return new SignedHttpRequest(signed.method().name(), uri.getRawPath(), uri.getRawQuery(), signed.headers(),
                bytes(body));
    }

    private static SignedHttpRequest withBody(SignedHttpRequest request, String body) {
        return new SignedHttpRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
