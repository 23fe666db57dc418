package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.Caller;
import dev.syncshift.emulator.cognitosync.rules.CredentialRules;
import dev.syncshift.emulator.cognitosync.rules.DeveloperKeys;
import dev.syncshift.emulator.cognitosync.store.StoredCredentials;
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
 * configured developer keys and from the temporary credentials GetCredentialsForIdentity issued, whose session token
 * must be sent. The signing name is {@code cognito-identity} for AWS JSON 1.1 requests ({@code X-Amz-Target}) and
 * {@code cognito-sync} otherwise.
 */
final class StrictSigV4Authenticator implements RequestAuthenticator {

    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private final Caller.Developer developer;
    private final CredentialRules credentials;
    private final DeveloperKeys developerKeys;
    private final SigV4Verifier verifier;

    StrictSigV4Authenticator(String accountId, CredentialRules credentials, DeveloperKeys developerKeys, Clock clock) {
        this.developer = new Caller.Developer(accountId);
        this.credentials = credentials;
        this.developerKeys = developerKeys;
        this.verifier = new SigV4Verifier(clock);
    }

    @Override
    public Caller authenticate(SignedHttpRequest request) {
        try {
            SigV4Authorization authorization = SigV4Authorization.of(request);
            verifier.checkScope(authorization, request.header("x-amz-target") == null ? "cognito-sync"
                    : "cognito-identity");
            Optional<StoredCredentials> issued = credentials.issued(authorization.accessKeyId());
            if (issued.isPresent()) {
                return temporary(request, authorization, issued.get());
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

    private Caller temporary(SignedHttpRequest request, SigV4Authorization authorization, StoredCredentials issued) {
        if (!Objects.equals(issued.sessionToken(), authorization.sessionToken())) {
            throw new WireException("UnrecognizedClientException", 403, INVALID_TOKEN);
        }
        Caller.Identity caller = credentials.callerFor(issued.accessKeyId()).orElseThrow(() -> new WireException(
                "ExpiredTokenException", 403, "The security token included in the request is expired"));
        verifier.checkSignature(request, authorization, AwsSessionCredentialsIdentity.create(issued.accessKeyId(),
                issued.secretKey(), issued.sessionToken()));
        return caller;
    }

    /** A refused signature as Cognito Sync and Cognito Identity answer it: 403 with the error AWS names. */
    static WireException refused(SigV4Failure failure) {
        String code = switch (failure.reason()) {
            case MISSING -> "MissingAuthenticationTokenException";
            case INCOMPLETE -> "IncompleteSignatureException";
            case UNKNOWN_CREDENTIALS -> "UnrecognizedClientException";
            case WRONG_SERVICE, EXPIRED, SIGNATURE_MISMATCH -> "InvalidSignatureException";
        };
        return new WireException(code, 403, failure.getMessage());
    }
}
