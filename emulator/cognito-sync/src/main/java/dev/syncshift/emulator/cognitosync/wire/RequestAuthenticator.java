package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.Caller;

/** Decides who signed a request, or refuses it with the AWS authentication error. */
@FunctionalInterface
public interface RequestAuthenticator {

    /**
     * Any SigV4-signed request is taken as developer credentials of {@code accountId}, without checking the
     * signature (the emulator's default).
     */
    static RequestAuthenticator anySignature(String accountId) {
        Caller developer = new Caller.Developer(accountId);
        return request -> {
            String authorization = request.header("Authorization");
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
                throw new WireException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
            }
            return developer;
        };
    }

    /**
     * The caller of a signed operation.
     *
     * @throws WireException MissingAuthenticationTokenException, InvalidSignatureException or
     *     UnrecognizedClientException (403)
     */
    Caller authenticate(SignedRequest request);
}
