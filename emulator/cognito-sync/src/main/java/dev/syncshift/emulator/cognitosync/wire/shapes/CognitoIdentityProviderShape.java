package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.store.StoredCognitoProvider;
import org.jspecify.annotations.Nullable;

/** Cognito Identity {@code CognitoIdentityProvider}: a user pool an identity pool trusts. */
public record CognitoIdentityProviderShape(
        @Nullable String providerName, @Nullable String clientId, @Nullable Boolean serverSideTokenCheck) {

    /** The wire form of {@code provider}. */
    public static CognitoIdentityProviderShape of(StoredCognitoProvider provider) {
        return new CognitoIdentityProviderShape(provider.providerName(), provider.clientId(),
                provider.serverSideTokenCheck());
    }
}
