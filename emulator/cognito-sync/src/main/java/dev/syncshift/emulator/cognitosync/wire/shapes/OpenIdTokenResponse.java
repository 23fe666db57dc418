package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.rules.OpenIdToken;

/** The result of GetOpenIdToken and GetOpenIdTokenForDeveloperIdentity: {@code IdentityId} and {@code Token}. */
public record OpenIdTokenResponse(String identityId, String token) {

    /** The wire form of {@code token}. */
    public static OpenIdTokenResponse of(OpenIdToken token) {
        return new OpenIdTokenResponse(token.identityId().value(), token.token());
    }
}
