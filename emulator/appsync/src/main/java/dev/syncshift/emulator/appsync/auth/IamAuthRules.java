package dev.syncshift.emulator.appsync.auth;

import dev.syncshift.emulator.appsync.api.UnauthorizedException;
import dev.syncshift.emulator.appsync.store.CredentialsEntry;
import dev.syncshift.emulator.appsync.store.CredentialsRegistry;
import dev.syncshift.emulator.sigv4.FailureReason;
import dev.syncshift.emulator.sigv4.SigV4Authorization;
import dev.syncshift.emulator.sigv4.SigV4Failure;
import dev.syncshift.emulator.sigv4.SigV4Verifier;
import dev.syncshift.emulator.sigv4.SignedHttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * AWS_IAM authorization: SigV4 in the {@code Authorization} header, signing name {@code appsync}, checked by the
 * shared {@link SigV4Verifier} (any set of signed headers, {@link #CLOCK_SKEW} of clock skew) against the secret the
 * registry holds; the registry entry becomes {@code ctx.identity} (AWS docs
 * {@code resolver-context-reference-js.html}).
 */
public final class IamAuthRules {

    static final String MISSING = "Valid authorization header not provided.";
    static final String UNKNOWN_KEY = "The security token included in the request is invalid.";
    private static final String SERVICE = "appsync";
    /**
     * AppSync's allowed clock skew: 5 minutes, as its refusals read ("Signature expired: … (… - 5 min.)", "Signature
     * not yet current: … (… + 5 min.)"), where Cognito allows 15 (docs/appsync-emulator.md#authorization).
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CredentialsRegistry registry;
    private final String region;
    private final SigV4Verifier verifier;

    /**
     * Creates the rules.
     *
     * @param registry the accepted keys
     * @param region the API's region, which signatures must be scoped to
     * @param clock the clock signatures are checked against
     */
    public IamAuthRules(CredentialsRegistry registry, String region, Clock clock) {
        this.registry = registry;
        this.region = region;
        this.verifier = new SigV4Verifier(clock, CLOCK_SKEW);
    }

    /**
     * Verifies a signed request.
     *
     * @param request the request as received
     * @return the caller's identity
     * @throws UnauthorizedException when the signature is missing, for another service, unknown, expired or wrong
     */
    public Identity authenticate(SignedRequest request) {
        SignedHttpRequest http = SignedHttpRequest.of(request.method(), request.path(), request.rawQuery(),
                request.headers(), request.body());
        try {
            SigV4Authorization authorization = SigV4Authorization.of(http);
            if (authorization.presigned()) {
                throw new UnauthorizedException(MISSING);
            }
            verifier.checkScope(authorization, SERVICE);
            verifier.checkRegion(authorization, region);
            CredentialsEntry entry = registry.find(authorization.accessKeyId())
                    .orElseThrow(() -> new UnauthorizedException(UNKNOWN_KEY));
            verifier.checkSignature(http, authorization, credentials(entry));
            return identity(entry, request.sourceIp());
        } catch (SigV4Failure e) {
            throw new UnauthorizedException(e.reason() == FailureReason.MISSING ? MISSING : e.explained());
        }
    }

    private static AwsCredentialsIdentity credentials(CredentialsEntry entry) {
        String token = entry.sessionToken();
        return token == null ? AwsCredentialsIdentity.create(entry.accessKeyId(), entry.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(entry.accessKeyId(), entry.secretAccessKey(), token);
    }

    private static Identity identity(CredentialsEntry entry, String sourceIp) {
        String roleArn = entry.roleArn() == null
                ? "arn:aws:iam::" + entry.accountId() + ":role/emulator" : entry.roleArn();
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String userArn = "arn:aws:sts::" + entry.accountId() + ":assumed-role/" + roleName + "/"
                + entry.sessionName();
        String roleId = "AROA" + Integer.toHexString(roleArn.hashCode()).toUpperCase(Locale.ROOT);
        return new Identity(entry.accountId(), entry.cognitoIdentityId(), entry.cognitoIdentityPoolId(),
                entry.cognitoIdentityAuthType(), entry.cognitoIdentityAuthProvider(), userArn,
                roleId + ":" + entry.sessionName(), List.of(sourceIp));
    }
}
