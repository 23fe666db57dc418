package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.Caller;
import dev.syncshift.emulator.cognitosync.rules.CredentialRules;
import dev.syncshift.emulator.cognitosync.rules.DeveloperKeys;
import dev.syncshift.emulator.cognitosync.rules.StsRules;
import dev.syncshift.emulator.cognitosync.store.StoredCredentials;
import dev.syncshift.emulator.cognitosync.store.StoredRoleSession;
import dev.syncshift.emulator.sigv4.SigV4Authorization;
import dev.syncshift.emulator.sigv4.SigV4Failure;
import dev.syncshift.emulator.sigv4.SigV4Verifier;
import dev.syncshift.emulator.sigv4.SignedHttpRequest;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * {@code --strict-auth} (docs/cognito-sync.md#credentials): every signature is checked by the project's one SigV4
 * verifier ({@code emulator/sigv4}), whatever headers the client signed, in the {@code Authorization} header or
 * presigned in the query, within AWS's 15 minutes of clock skew on the service clock. Secrets come from the
 * configured developer keys, from the temporary credentials GetCredentialsForIdentity issued, and from the role
 * sessions STS issued (which act as a developer), whose session token must be sent. The signing name is
 * {@code cognito-identity} for AWS JSON 1.1 requests ({@code X-Amz-Target}), {@code sts} for STS's form-encoded ones
 * and {@code cognito-sync} otherwise, and the region the emulator's.
 */
final class StrictSigV4Authenticator implements RequestAuthenticator {

    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String EXPIRED_TOKEN = "The security token included in the request is expired";

    private final Caller.Developer developer;
    private final CredentialRules credentials;
    private final StsRules sts;
    private final String region;
    private final DeveloperKeys developerKeys;
    private final SigV4Verifier verifier;

    StrictSigV4Authenticator(String accountId, String region, CredentialRules credentials, StsRules sts,
            DeveloperKeys developerKeys, Clock clock) {
        this.developer = new Caller.Developer(accountId);
        this.region = region;
        this.credentials = credentials;
        this.sts = sts;
        this.developerKeys = developerKeys;
        this.verifier = new SigV4Verifier(clock);
    }

    @Override
    public Caller authenticate(SignedHttpRequest request) {
        try {
            SigV4Authorization authorization = SigV4Authorization.of(request);
            verifier.checkScope(authorization, service(request));
            verifier.checkRegion(authorization, region);
            Optional<StoredCredentials> issued = credentials.issued(authorization.accessKeyId());
            if (issued.isPresent()) {
                return temporary(request, authorization, issued.get());
            }
            Optional<StoredRoleSession> session = sts.session(authorization.accessKeyId());
            if (session.isPresent()) {
                return roleSession(request, authorization, session.get());
            }
            String secret = developerKeys.secretOf(authorization.accessKeyId()).orElseThrow(() -> new WireException(
                    "UnrecognizedClientException", 403, INVALID_TOKEN));
            verifier.checkSignature(request, authorization, AwsCredentialsIdentity.create(
                    authorization.accessKeyId(), secret));
            return developer;
        } catch (SigV4Failure failure) {
            throw refused(failure);
        }
    }

    /** The signing name a request must carry: STS's, Cognito Identity's (AWS JSON) or Cognito Sync's (REST). */
    private static String service(SignedHttpRequest request) {
        String target = request.header("x-amz-target");
        if (StsHandler.isSts(request.method(), request.header("content-type"), target)) {
            return "sts";
        }
        return target == null ? "cognito-sync" : "cognito-identity";
    }

    /** Role sessions of STS act as a developer. */
    private Caller roleSession(SignedHttpRequest request, SigV4Authorization authorization,
            StoredRoleSession session) {
        checkTemporary(request, authorization, AwsSessionCredentialsIdentity.create(session.accessKeyId(),
                session.secretKey(), session.sessionToken()), sts.expired(session));
        return developer;
    }

    /** Credentials from GetCredentialsForIdentity act as their identity. */
    private Caller temporary(SignedHttpRequest request, SigV4Authorization authorization, StoredCredentials issued) {
        Optional<Caller.Identity> caller = credentials.callerFor(issued.accessKeyId());
        checkTemporary(request, authorization, AwsSessionCredentialsIdentity.create(issued.accessKeyId(),
                issued.secretKey(), issued.sessionToken()), caller.isEmpty());
        return caller.orElseThrow();
    }

    /** Temporary credentials: their session token must be sent, they must not have expired, the signature must hold. */
    private void checkTemporary(SignedHttpRequest request, SigV4Authorization authorization,
            AwsSessionCredentialsIdentity keys, boolean expired) {
        if (!Objects.equals(keys.sessionToken(), authorization.sessionToken())) {
            throw new WireException("UnrecognizedClientException", 403, INVALID_TOKEN);
        }
        if (expired) {
            throw new WireException("ExpiredTokenException", 403, EXPIRED_TOKEN);
        }
        verifier.checkSignature(request, authorization, keys);
    }

    /** A refused signature as Cognito Sync and Cognito Identity answer it: 403 with the error AWS names. */
    static WireException refused(SigV4Failure failure) {
        String code = switch (failure.reason()) {
            case MISSING -> "MissingAuthenticationTokenException";
            case INCOMPLETE -> "IncompleteSignatureException";
            case UNKNOWN_CREDENTIALS -> "UnrecognizedClientException";
            case WRONG_SERVICE, WRONG_REGION, EXPIRED, SIGNATURE_MISMATCH -> "InvalidSignatureException";
        };
        return new WireException(code, 403, failure.getMessage());
    }
}
