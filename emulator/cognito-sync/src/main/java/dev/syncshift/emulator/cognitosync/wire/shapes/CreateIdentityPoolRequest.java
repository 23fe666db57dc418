package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.rules.PoolSettings;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Cognito Identity CreateIdentityPool's body. */
public record CreateIdentityPoolRequest(
        @Nullable String identityPoolName,
        @Nullable Boolean allowUnauthenticatedIdentities,
        @Nullable Map<String, String> supportedLoginProviders,
        @Nullable String developerProviderName,
        @Nullable Boolean allowClassicFlow,
        @Nullable List<String> openIdConnectProviderARNs,
        @Nullable List<CognitoIdentityProviderShape> cognitoIdentityProviders,
        @Nullable List<String> samlProviderARNs,
        @Nullable Map<String, String> identityPoolTags) {

    /** The members as the rules take them. */
    public PoolSettings settings() {
        List<PoolSettings.CognitoProvider> providers = cognitoIdentityProviders == null ? null
                : cognitoIdentityProviders.stream().map(provider -> new PoolSettings.CognitoProvider(
                        provider.providerName(), provider.clientId(), provider.serverSideTokenCheck())).toList();
        return new PoolSettings(identityPoolName, allowUnauthenticatedIdentities, allowClassicFlow,
                supportedLoginProviders, developerProviderName, openIdConnectProviderARNs, providers,
                samlProviderARNs, identityPoolTags);
    }
}
