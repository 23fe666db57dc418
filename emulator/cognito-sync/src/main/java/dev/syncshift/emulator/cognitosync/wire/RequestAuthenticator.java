package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.Caller;
import dev.syncshift.emulator.cognitosync.rules.CredentialRules;
import dev.syncshift.emulator.cognitosync.rules.DeveloperKeys;
import dev.syncshift.emulator.cognitosync.rules.StsRules;
import dev.syncshift.emulator.sigv4.SigV4Authorization;
import dev.syncshift.emulator.sigv4.SigV4Failure;
import dev.syncshift.emulator.sigv4.SignedHttpRequest;
import java.time.Clock;

/** Decides who signed a request, or refuses it with the AWS authentication error. */
@FunctionalInterface
public interface RequestAuthenticator {

    /**
     * The emulator's default: signatures are not checked. A request signed with credentials the emulator issued
     * through GetCredentialsForIdentity acts as that identity; any other signed request acts as a developer of
     * {@code accountId}.
     */
    static RequestAuthenticator anySignature(String accountId, CredentialRules credentials) {
        Caller developer = new Caller.Developer(accountId);
        return request -> {
            SigV4Authorization authorization;
            try {
                authorization = SigV4Authorization.of(request);
            } catch (SigV4Failure failure) {
                throw StrictSigV4Authenticator.refused(failure);
            }
            return credentials.callerFor(authorization.accessKeyId()).<Caller>map(identity -> identity)
                    .orElse(developer);
        };
    }

    /**
     * {@code --strict-auth}: the signature must verify against a key of {@code developerKeys} (a developer of
     * {@code accountId}), against temporary credentials issued through GetCredentialsForIdentity (that identity) or
     * against a role session of {@code sts} (a developer), whose session token must be sent and must not have
     * expired, signed for {@code region} at most 15 minutes away from {@code clock}.
     */
    static RequestAuthenticator strict(String accountId, String region, CredentialRules credentials, StsRules sts,
            DeveloperKeys developerKeys, Clock clock) {
        return new StrictSigV4Authenticator(accountId, region, credentials, sts, developerKeys, clock);
    }

    /**
     * The caller of a signed operation.
     *
     * @throws WireException MissingAuthenticationTokenException, IncompleteSignatureException,
     *     InvalidSignatureException, UnrecognizedClientException or ExpiredTokenException (403)
     */
    Caller authenticate(SignedHttpRequest request);
}
