package dev.syncshift.emulator.sigv4;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Checks AWS Signature Version 4 the way AWS does: the signature is recomputed from the request as received over
 * exactly the headers the client listed in {@code SignedHeaders} (so {@code content-type;host;x-amz-date;
 * x-amz-security-token} as Amplify JS signs is as good as the AWS SDK for Java's set with
 * {@code x-amz-content-sha256}), from the {@code Authorization} header or presigned query parameters; a request
 * signed more than the service's allowed clock skew (15 minutes unless given) before or after now is refused, a
 * presigned one also after {@code X-Amz-Expires}.
 *
 * <p>Why not the SDK's own signer: its public {@code AwsV4HttpSigner} always adds and signs
 * {@code x-amz-content-sha256}, so it cannot reproduce signatures of clients that do not; the algorithm is small and
 * public, and the tests prove this verifier accepts what the SDK for Java and the JS SDK sign.
 *
 * <p>Use {@link #verify(SignedHttpRequest, String, Function)} when the access key alone tells the secret, or the three
 * steps {@link SigV4Authorization#of}, {@link #checkScope} and {@link #checkSignature} when the caller decides between
 * several kinds of credentials. Thread-safe.
 */
public final class SigV4Verifier {

    /**
     * AWS's limit on the difference between the signing time and the server's clock, where the service allows 15
     * minutes (Cognito's "Signature expired: … (… - 15 min.)"); some allow 5.
     */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String UNKNOWN = "The security token included in the request is invalid.";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private final Clock clock;
    private final Duration maxClockSkew;

    /**
     * A verifier on the system clock, allowing {@link #MAX_CLOCK_SKEW}.
     */
    public SigV4Verifier() {
        this(Clock.systemUTC());
    }

    /**
     * A verifier on a given clock, allowing {@link #MAX_CLOCK_SKEW}.
     *
     * @param clock what "now" is
     */
    public SigV4Verifier(Clock clock) {
        this(clock, MAX_CLOCK_SKEW);
    }

    /**
     * A verifier on a given clock, allowing a given skew.
     *
     * @param clock what "now" is
     * @param maxClockSkew how far the signing time may be from now, either way (whole minutes)
     */
    public SigV4Verifier(Clock clock, Duration maxClockSkew) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    /**
     * Verifies a request whose access key tells its credentials.
     *
     * @param request the request as received
     * @param service the signing name the service expects, e.g. {@code appsync}
     * @param credentials the credentials of an access key id, empty when the key is unknown
     * @return the verified authorization
     * @throws SigV4Failure when the request is not correctly signed for {@code service} now
     */
    public SigV4Authorization verify(SignedHttpRequest request, String service,
            Function<String, Optional<? extends AwsCredentialsIdentity>> credentials) {
        SigV4Authorization authorization = SigV4Authorization.of(request);
        checkScope(authorization, service);
        AwsCredentialsIdentity identity = credentials.apply(authorization.accessKeyId())
                .orElseThrow(() -> new SigV4Failure(FailureReason.UNKNOWN_CREDENTIALS, UNKNOWN));
        checkSignature(request, authorization, identity);
        return authorization;
    }

    /**
     * Checks the credential scope's service and the signing time.
     *
     * @param authorization the request's authorization
     * @param service the signing name the service expects
     * @throws SigV4Failure {@link FailureReason#WRONG_SERVICE} or {@link FailureReason#EXPIRED}
     */
    public void checkScope(SigV4Authorization authorization, String service) {
        if (!service.equals(authorization.service())) {
            throw new SigV4Failure(FailureReason.WRONG_SERVICE,
                    "Credential should be scoped to correct service: '" + service + "'. ");
        }
        Instant signedAt = BASIC.parse(authorization.amzDate(), Instant::from);
        Instant now = clock.instant();
        if (authorization.presigned()) {
            checkPresignedTime(authorization, signedAt, now);
        } else if (signedAt.isBefore(now.minus(maxClockSkew))) {
            throw new SigV4Failure(FailureReason.EXPIRED, "Signature expired: " + authorization.amzDate()
                    + " is now earlier than " + BASIC.format(now.minus(maxClockSkew)) + " (" + BASIC.format(now)
                    + " - " + maxClockSkew.toMinutes() + " min.)");
        } else if (signedAt.isAfter(now.plus(maxClockSkew))) {
            throw new SigV4Failure(FailureReason.EXPIRED, "Signature not yet current: " + authorization.amzDate()
                    + " is still later than " + BASIC.format(now.plus(maxClockSkew)) + " (" + BASIC.format(now)
                    + " + " + maxClockSkew.toMinutes() + " min.)");
        }
    }

    /**
     * Checks the credential scope's region: a service answers only for its own region, with AWS's words.
     *
     * @param authorization the request's authorization
     * @param region the region of the service called
     * @throws SigV4Failure {@link FailureReason#WRONG_REGION}
     */
    public void checkRegion(SigV4Authorization authorization, String region) {
        if (!region.equals(authorization.region())) {
            throw new SigV4Failure(FailureReason.WRONG_REGION,
                    "Credential should be scoped to a valid region, not '" + authorization.region() + "'. ");
        }
    }

    private void checkPresignedTime(SigV4Authorization authorization, Instant signedAt, Instant now) {
        if (now.isAfter(signedAt.plusSeconds(authorization.expiresSeconds()))) {
            throw new SigV4Failure(FailureReason.EXPIRED, "Request has expired");
        }
        if (signedAt.isAfter(now.plus(maxClockSkew))) {
            throw new SigV4Failure(FailureReason.EXPIRED, "Request is not yet valid");
        }
    }

    /**
     * Checks the session token and the signature against the caller's credentials.
     *
     * @param request the request as received
     * @param authorization its authorization
     * @param credentials the credentials of its access key; session credentials require their token to be sent,
     *     others refuse any token
     * @throws SigV4Failure {@link FailureReason#UNKNOWN_CREDENTIALS} or {@link FailureReason#SIGNATURE_MISMATCH}
     */
    public void checkSignature(SignedHttpRequest request, SigV4Authorization authorization,
            AwsCredentialsIdentity credentials) {
        @Nullable String expectedToken = credentials instanceof AwsSessionCredentialsIdentity session
                ? session.sessionToken() : null;
        if (!Objects.equals(expectedToken, authorization.sessionToken())) {
            throw new SigV4Failure(FailureReason.UNKNOWN_CREDENTIALS, UNKNOWN);
        }
        String expected = signature(request, authorization, credentials.secretAccessKey());
        if (!MessageDigest.isEqual(CanonicalRequest.utf8(expected), CanonicalRequest.utf8(authorization.signature()))) {
            throw new SigV4Failure(FailureReason.SIGNATURE_MISMATCH, MISMATCH, "The Canonical String for this request "
                    + "should have been\n'" + CanonicalRequest.of(request, authorization) + "'\n\nThe String-to-Sign "
                    + "should have been\n'" + stringToSign(request, authorization) + "'\n");
        }
    }

    /**
     * The signature {@code secret} gives the request, to compare with the one it carries.
     *
     * @param request the request as received
     * @param authorization its authorization (scope, signed headers, time)
     * @param secret the secret access key
     * @return the hex signature
     */
    static String signature(SignedHttpRequest request, SigV4Authorization authorization, String secret) {
        String stringToSign = stringToSign(request, authorization);
        byte[] key = CanonicalRequest.utf8("AWS4" + secret);
        for (String part : new String[] {authorization.scopeDate(), authorization.region(), authorization.service(),
            "aws4_request"}) {
            key = hmac(key, part);
        }
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static String stringToSign(SignedHttpRequest request, SigV4Authorization authorization) {
        String scope = authorization.scopeDate() + "/" + authorization.region() + "/" + authorization.service()
                + "/aws4_request";
        return SigV4Authorization.ALGORITHM + "\n" + authorization.amzDate() + "\n" + scope + "\n"
                + CanonicalRequest.sha256Hex(CanonicalRequest.utf8(CanonicalRequest.of(request, authorization)));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(CanonicalRequest.utf8(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
