package dev.syncshift.emulator.cognitosync.rules;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CreateIdentityPool's members as sent, unvalidated (absent members are null).
 *
 * @param name IdentityPoolName (required)
 * @param allowUnauthenticatedIdentities AllowUnauthenticatedIdentities (required)
 * @param allowClassicFlow AllowClassicFlow
 * @param supportedLoginProviders SupportedLoginProviders
 * @param developerProviderName DeveloperProviderName
 * @param openIdConnectProviderArns OpenIdConnectProviderARNs
 * @param cognitoIdentityProviders CognitoIdentityProviders
 * @param samlProviderArns SamlProviderARNs
 * @param tags IdentityPoolTags
 */
public record PoolSettings(
        @Nullable String name,
        @Nullable Boolean allowUnauthenticatedIdentities,
        @Nullable Boolean allowClassicFlow,
        @Nullable Map<String, String> supportedLoginProviders,
        @Nullable String developerProviderName,
        @Nullable List<String> openIdConnectProviderArns,
        @Nullable List<CognitoProvider> cognitoIdentityProviders,
        @Nullable List<String> samlProviderArns,
        @Nullable Map<String, String> tags) {

    /**
     * One CognitoIdentityProvider as sent, unvalidated (absent members are null).
     *
     * @param providerName ProviderName (required)
     * @param clientId ClientId (required)
     * @param serverSideTokenCheck ServerSideTokenCheck
     */
    public record CognitoProvider(@Nullable String providerName, @Nullable String clientId,
            @Nullable Boolean serverSideTokenCheck) {
    }
}
