package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityPoolId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An identity pool (DescribeIdentityPool's shape).
 *
 * @param id the pool id
 * @param name the pool name
 * @param allowUnauthenticatedIdentities whether GetId works without logins
 * @param developerProviderName the developer provider, if one is configured
 * @param supportedLoginProviders provider name to app id
 * @param creationDate when the pool was created
 * @param allowClassicFlow whether the basic (classic) auth flow is enabled, if it was set
 * @param openIdConnectProviderArns the trusted OpenID Connect providers
 * @param cognitoIdentityProviders the trusted Cognito user pools
 * @param samlProviderArns the trusted SAML providers
 * @param tags the pool's tags
 * @param roles the IAM roles its identities' credentials act as ({@code authenticated}, {@code unauthenticated}), as
 *     SetIdentityPoolRoles set them
 * @param roleMappings SetIdentityPoolRoles' {@code RoleMappings}, kept as given (the emulator does not apply them)
 */
public record StoredIdentityPool(
        IdentityPoolId id,
        String name,
        boolean allowUnauthenticatedIdentities,
        @Nullable String developerProviderName,
        Map<String, String> supportedLoginProviders,
        Instant creationDate,
        @Nullable Boolean allowClassicFlow,
        List<String> openIdConnectProviderArns,
        List<StoredCognitoProvider> cognitoIdentityProviders,
        List<String> samlProviderArns,
        Map<String, String> tags,
        Map<String, String> roles,
        Map<String, Object> roleMappings) {

    /** Copies the maps and lists. */
    public StoredIdentityPool {
        roles = Map.copyOf(roles);
        roleMappings = Collections.unmodifiableMap(new LinkedHashMap<>(roleMappings));
        supportedLoginProviders = Map.copyOf(supportedLoginProviders);
        openIdConnectProviderArns = List.copyOf(openIdConnectProviderArns);
        cognitoIdentityProviders = List.copyOf(cognitoIdentityProviders);
        samlProviderArns = List.copyOf(samlProviderArns);
        tags = Map.copyOf(tags);
    }

    /** A pool with no external providers beyond {@code supportedLoginProviders}, no classic flow setting, no tags. */
    public StoredIdentityPool(IdentityPoolId id, String name, boolean allowUnauthenticatedIdentities,
            @Nullable String developerProviderName, Map<String, String> supportedLoginProviders, Instant creationDate) {
        this(id, name, allowUnauthenticatedIdentities, developerProviderName, supportedLoginProviders, creationDate,
                null, List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of());
    }

    /** This pool with the roles and role mappings SetIdentityPoolRoles gave it. */
    public StoredIdentityPool withRoles(Map<String, String> nextRoles, Map<String, Object> nextRoleMappings) {
        return new StoredIdentityPool(id, name, allowUnauthenticatedIdentities, developerProviderName,
                supportedLoginProviders, creationDate, allowClassicFlow, openIdConnectProviderArns,
                cognitoIdentityProviders, samlProviderArns, tags, nextRoles, nextRoleMappings);
    }
}
