package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.Caller;
import dev.syncshift.emulator.cognitosync.rules.CredentialRules;
import dev.syncshift.emulator.cognitosync.rules.DeveloperKeys;
import dev.syncshift.emulator.cognitosync.store.StoredCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4Properties;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.BinaryUtils;

/**
 * {@code --strict-auth}: checks each signed request's SigV4 signature by recomputing it with the AWS SDK's own
 * signer over the request exactly as received (method, raw path, raw query, the signed headers, the body) with the
 * scope's signing name and region and the request's {@code X-Amz-Date}. Secrets come from the configured developer
 * keys and from the temporary credentials GetCredentialsForIdentity issued (whose session token must be sent).
 *
 * <p>Requests that signed {@code x-amz-content-sha256} (the Java SDK v2) are re-signed through the public
 * {@link AwsV4HttpSigner}, which always adds that header from the body. Requests that did not (the JS SDK v3, which
 * sends it to S3 only) are re-signed by the same SDK module's request signer with the body's hash, since the
 * public signer cannot leave the header out.
 */
final class SigV4Verifier implements RequestAuthenticator {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CONTENT_SHA256 = "x-amz-content-sha256";

    private final Caller.Developer developer;
    private final CredentialRules credentials;
    private final DeveloperKeys developerKeys;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SigV4Verifier(String accountId, CredentialRules credentials, DeveloperKeys developerKeys) {
        this.developer = new Caller.Developer(accountId);
        this.credentials = credentials;
        this.developerKeys = developerKeys;
    }

    @Override
    public Caller authenticate(SignedRequest request) {
        SigV4Authorization authorization = SigV4Authorization.of(request);
        checkScope(request, authorization);
        Optional<StoredCredentials> issued = credentials.issued(authorization.accessKeyId());
        if (issued.isPresent()) {
            return temporary(request, authorization, issued.get());
        }
        String secret = developerKeys.secretOf(authorization.accessKeyId()).orElseThrow(SigV4Verifier::unrecognized);
        verify(request, authorization, AwsCredentialsIdentity.create(authorization.accessKeyId(), secret));
        return developer;
    }

    private Caller temporary(SignedRequest request, SigV4Authorization authorization, StoredCredentials issued) {
        String token = request.header("X-Amz-Security-Token");
        if (!issued.sessionToken().equals(token)) {
            throw unrecognized();
        }
        Caller.Identity caller = credentials.callerFor(issued.accessKeyId()).orElseThrow(() -> new WireException(
                "ExpiredTokenException", 403, "The security token included in the request is expired"));
        verify(request, authorization, AwsSessionCredentialsIdentity.create(issued.accessKeyId(),
                issued.secretKey(), token));
        return caller;
    }

    private void verify(SignedRequest request, SigV4Authorization authorization, AwsCredentialsIdentity identity) {
        String expected = signature(request, authorization, identity);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new WireException("InvalidSignatureException", 403, "The request signature we calculated does "
                    + "not match the signature you provided. Check your AWS Secret Access Key and signing method.");
        }
    }

    /** The signature the SDK computes for {@code request} as received, signed by {@code identity}. */
    String signature(SignedRequest request, SigV4Authorization authorization, AwsCredentialsIdentity identity) {
        Instant signedAt = signedAt(request);
        SdkHttpRequest received = received(request, authorization);
        if (!authorization.signedHeaders().contains(CONTENT_SHA256)) {
            return withBodyHash(received, request.body(), authorization, identity, signedAt);
        }
        var signed = signer.sign(r -> r.identity(identity).request(received)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(request.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, authorization.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, authorization.region())
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        String header = signed.request().firstMatchingHeader("Authorization").orElse("");
        return header.substring(header.indexOf("Signature=") + "Signature=".length());
    }

    private static String withBodyHash(SdkHttpRequest received, byte[] body, SigV4Authorization authorization,
            AwsCredentialsIdentity identity, Instant signedAt) {
        V4Properties properties = V4Properties.builder()
                .credentials(identity)
                .credentialScope(new CredentialScope(authorization.region(), authorization.service(), signedAt))
                .signingClock(Clock.fixed(signedAt, ZoneOffset.UTC))
                .doubleUrlEncode(true)
                .normalizePath(true)
                .build();
        return new DefaultV4RequestSigner(properties, sha256(body)).sign(received.toBuilder()).getSignature();
    }

    private static SdkHttpRequest received(SignedRequest request, SigV4Authorization authorization) {
        SdkHttpRequest.Builder http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .protocol("http")
                .host("localhost")
                .encodedPath(request.rawPath());
        rawQuery(request.rawQuery()).forEach(http::putRawQueryParameter);
        for (String name : authorization.signedHeaders()) {
            request.headers().forEach((sent, values) -> {
                if (sent.equalsIgnoreCase(name)) {
                    http.putHeader(name, values);
                }
            });
        }
        return http.build();
    }

    private static Map<String, List<String>> rawQuery(@Nullable String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = PercentDecoder.decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : PercentDecoder.decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static Instant signedAt(SignedRequest request) {
        String date = request.header("X-Amz-Date");
        if (date == null) {
            throw new WireException("IncompleteSignatureException", 403,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        try {
            return AMZ_DATE.parse(date, Instant::from);
        } catch (DateTimeParseException e) {
            throw new WireException("IncompleteSignatureException", 403, "Date must be in ISO-8601 'basic format'. "
                    + "Got '" + date + "'.");
        }
    }

    private static void checkScope(SignedRequest request, SigV4Authorization authorization) {
        String expected = request.header("X-Amz-Target") == null ? "cognito-sync" : "cognito-identity";
        if (!expected.equals(authorization.service())) {
            throw new WireException("InvalidSignatureException", 403,
                    "Credential should be scoped to correct service: '" + expected + "'. ");
        }
    }

    private static String sha256(byte[] body) {
        try {
            return BinaryUtils.toHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static WireException unrecognized() {
        return new WireException("UnrecognizedClientException", 403,
                "The security token included in the request is invalid.");
    }
}
