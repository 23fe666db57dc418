package dev.syncshift.emulator.appsync.rules;

import dev.syncshift.emulator.appsync.store.CredentialsEntry;
import dev.syncshift.emulator.appsync.store.CredentialsRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * AWS_IAM authorization (appsync.md §2): recomputes the SigV4 signature with the SDK's own signer for the
 * secret the registry holds, and turns the registry entry into {@code ctx.identity}.
 */
public final class IamAuthRules {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
                    + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]+)");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SERVICE = "appsync";
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    static final String MISSING = "Valid authorization header not provided.";
    static final String UNKNOWN_KEY = "The security token included in the request is invalid.";
    static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
            + "for details.";

    private final CredentialsRegistry registry;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * Creates the rules.
     *
     * @param registry the accepted keys
     * @param clock the clock signatures are checked against
     */
    public IamAuthRules(CredentialsRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Verifies a signed request.
     *
     * @param request the request as received
     * @return the caller's identity
     * @throws UnauthorizedException when the signature is missing, unknown, expired or wrong
     */
    public Identity authenticate(SignedRequest request) {
        String authorization = request.header("authorization");
        String amzDate = request.header("x-amz-date");
        if (authorization == null || amzDate == null) {
            throw new UnauthorizedException(MISSING);
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            throw new UnauthorizedException(MISSING);
        }
        if (!SERVICE.equals(m.group(4))) {
            throw new UnauthorizedException("Credential should be scoped to correct service: '" + SERVICE + "'.");
        }
        CredentialsEntry entry = registry.find(m.group(1)).orElseThrow(() -> new UnauthorizedException(UNKNOWN_KEY));
        Instant signedAt = signedAt(amzDate);
        checkToken(entry, request.header("x-amz-security-token"));
        String expected = recompute(request, entry, m, signedAt);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(6).getBytes(StandardCharsets.US_ASCII))) {
            throw new UnauthorizedException(BAD_SIGNATURE);
        }
        return identity(entry, request.sourceIp());
    }

    private Instant signedAt(String amzDate) {
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw new UnauthorizedException(MISSING);
        }
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw new UnauthorizedException("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(clock.instant().minus(MAX_SKEW)));
        }
        return signedAt;
    }

    private static void checkToken(CredentialsEntry entry, @Nullable String token) {
        String expected = entry.sessionToken();
        if (expected != null && !expected.equals(token) || expected == null && token != null) {
            throw new UnauthorizedException(UNKNOWN_KEY);
        }
    }

    private String recompute(SignedRequest request, CredentialsEntry entry, Matcher m, Instant signedAt) {
        String host = request.headers().getOrDefault("host", "localhost");
        String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .uri(URI.create("http://" + host + request.path() + query));
        for (String name : m.group(5).split(";")) {
            String value = request.header(name);
            if (value != null) {
                unsigned.putHeader(name, value);
            }
        }
        AwsCredentialsIdentity credentials = entry.sessionToken() == null
                ? AwsCredentialsIdentity.create(entry.accessKeyId(), entry.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(entry.accessKeyId(), entry.secretAccessKey(),
                        entry.sessionToken());
        SdkHttpRequest signed = signer.sign(r -> r.identity(credentials)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(request.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, m.group(4))
                .putProperty(AwsV4HttpSigner.REGION_NAME, m.group(3))
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))).request();
        String recomputed = signed.firstMatchingHeader("Authorization").orElse("");
        int at = recomputed.indexOf("Signature=");
        return at < 0 ? "" : recomputed.substring(at + "Signature=".length());
    }

    private static Identity identity(CredentialsEntry entry, String sourceIp) {
        String roleArn = entry.roleArn() == null
                ? "arn:aws:iam::" + entry.accountId() + ":role/emulator" : entry.roleArn();
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String userArn = "arn:aws:sts::" + entry.accountId() + ":assumed-role/" + roleName + "/"
                + entry.sessionName();
        String roleId = "AROA" + Integer.toHexString(roleArn.hashCode()).toUpperCase(java.util.Locale.ROOT);
        return new Identity(entry.accountId(), entry.cognitoIdentityId(), entry.cognitoIdentityPoolId(),
                entry.cognitoIdentityAuthType(), entry.cognitoIdentityAuthProvider(), userArn,
                roleId + ":" + entry.sessionName(), List.of(sourceIp));
    }
}
