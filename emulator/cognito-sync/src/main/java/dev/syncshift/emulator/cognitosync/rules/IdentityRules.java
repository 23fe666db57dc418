package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.StoredCognitoProvider;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cognito Identity's pools and identities (docs/cognito-sync.md#wire-protocol), and the pool/identity checks every
 * Cognito Sync operation makes. A login's token is taken as the provider's user id: the emulator verifies no tokens.
 */
public final class IdentityRules {

    private static final Pattern POOL_NAME = Pattern.compile("[\\w\\s+=,.@-]+");

    private final IdentityStore store;
    private final IdGenerator ids;
    private final Clock clock;
    private final String region;

    /** Rules over {@code store}, making ids in {@code region}. */
    public IdentityRules(IdentityStore store, IdGenerator ids, Clock clock, String region) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.region = region;
    }

    /** CreateIdentityPool: a new pool with a generated id. Developer credentials only. */
    public StoredIdentityPool createIdentityPool(Caller caller, @Nullable String name,
            @Nullable Boolean allowUnauthenticated, @Nullable String developerProviderName,
            @Nullable Map<String, String> supportedLoginProviders) {
        return createIdentityPool(caller, new PoolSettings(name, allowUnauthenticated, null, supportedLoginProviders,
                developerProviderName, null, null, null, null));
    }

    /** CreateIdentityPool with every member of the request. Developer credentials only. */
    public StoredIdentityPool createIdentityPool(Caller caller, PoolSettings settings) {
        Access.checkDeveloper(caller);
        String name = Constraints.required("identityPoolName", settings.name());
        Constraints.length("identityPoolName", name, 1, 128);
        Constraints.pattern("identityPoolName", name, POOL_NAME);
        boolean allowUnauthenticated = Constraints.required("allowUnauthenticatedIdentities",
                settings.allowUnauthenticatedIdentities());
        if (settings.developerProviderName() != null) {
            IdentityConstraints.developerProviderName("developerProviderName", settings.developerProviderName());
        }
        StoredIdentityPool pool = new StoredIdentityPool(new IdentityPoolId(ids.regional(region)), name,
                allowUnauthenticated, settings.developerProviderName(),
                IdentityConstraints.supportedLoginProviders(settings.supportedLoginProviders()), clock.instant(),
                settings.allowClassicFlow(),
                IdentityConstraints.arns("openIdConnectProviderARNs", settings.openIdConnectProviderArns()),
                cognitoProviders(settings.cognitoIdentityProviders()),
                IdentityConstraints.arns("samlProviderARNs", settings.samlProviderArns()),
                IdentityConstraints.identityPoolTags(settings.tags()), Map.of(), Map.of());
        store.putPool(pool);
        return pool;
    }

    /**
     * GetId: the identity linked to {@code logins} in the pool, created on first use; without logins a new
     * unauthenticated identity.
     */
    public StoredIdentity getId(IdentityPoolId poolId, @Nullable Map<String, String> logins) {
        return getId(null, poolId, logins);
    }

    /**
     * GetId with the optional AccountId. Logins not yet linked to the identity found are linked to it.
     *
     * @throws NotAuthorizedException without logins when the pool disallows unauthenticated identities
     */
    public StoredIdentity getId(@Nullable String accountId, IdentityPoolId poolId,
            @Nullable Map<String, String> logins) {
        IdentityConstraints.accountId(accountId);
        Map<String, String> given = IdentityConstraints.logins(logins);
        StoredIdentityPool pool = requirePool(poolId);
        if (given.isEmpty() && !pool.allowUnauthenticatedIdentities()) {
            throw new NotAuthorizedException("Unauthenticated access is not supported for this identity pool.");
        }
        Optional<IdentityId> subject = CognitoIdentityLogin.subject(given, clock.instant());
        if (subject.isPresent()) {
            return requireIdentityInPool(poolId, subject.get());
        }
        return store.locked(() -> linkedIdentity(poolId, given).map(found -> link(found, given))
                .orElseGet(() -> createIdentity(poolId, given)));
    }

    /**
     * The identity {@code logins} are linked to, or {@code identityId} (which must be in the pool) with them
     * linked, or a new identity with them (GetOpenIdTokenForDeveloperIdentity).
     *
     * @throws DeveloperUserAlreadyRegisteredException when the logins belong to an identity other than
     *     {@code identityId}
     */
    public StoredIdentity linkOrCreate(IdentityPoolId poolId, @Nullable IdentityId identityId,
            Map<String, String> logins) {
        return store.locked(() -> {
            Optional<StoredIdentity> linked = linkedIdentity(poolId, logins);
            if (identityId == null) {
                return linked.map(found -> link(found, logins)).orElseGet(() -> createIdentity(poolId, logins));
            }
            StoredIdentity target = requireIdentityInPool(poolId, identityId);
            if (linked.isPresent() && !linked.get().id().equals(identityId)) {
                throw new DeveloperUserAlreadyRegisteredException("The provided developer user identifier is "
                        + "already registered with Cognito under a different identity ID.");
            }
            return link(target, logins);
        });
    }

    /** DescribeIdentity: the identity; temporary credentials may describe only their own. */
    public StoredIdentity describeIdentity(Caller caller, IdentityId identityId) {
        StoredIdentity identity = requireIdentity(identityId);
        Access.checkIdentity(caller, identity);
        return identity;
    }

    /** ListIdentities: a page of the pool's identities by id. Developer credentials only. */
    public IdentitiesPage listIdentities(Caller caller, IdentityPoolId poolId, @Nullable Integer maxResults,
            @Nullable String nextToken, @Nullable Boolean hideDisabled) {
        int limit = IdentityConstraints.maxResults(maxResults);
        boolean hide = Boolean.TRUE.equals(hideDisabled);
        String listing = PageTokens.listing("ListIdentities", poolId.value(), hide);
        IdentityId after = IdentityConstraints.identityCursor(listing, nextToken);
        Access.checkDeveloper(caller);
        requirePool(poolId);
        List<StoredIdentity> candidates = store.identities(poolId, after, store.identityCount(poolId)).stream()
                .filter(identity -> !(hide && identity.disabled()))
                .limit(limit + 1L)
                .toList();
        boolean more = candidates.size() > limit;
        List<StoredIdentity> page = more ? candidates.subList(0, limit) : candidates;
        String next = more ? PageTokens.encode(listing, page.get(limit - 1).id().value()) : null;
        return new IdentitiesPage(page, next);
    }

    /**
     * Checks that the pool exists.
     *
     * @throws ResourceNotFoundException "IdentityPool '<id>' not found."
     */
    public StoredIdentityPool requirePool(IdentityPoolId poolId) {
        return store.pool(poolId).orElseThrow(
                () -> new ResourceNotFoundException("IdentityPool '" + poolId + "' not found."));
    }

    /**
     * Checks that the identity exists.
     *
     * @throws ResourceNotFoundException "Identity '<id>' not found."
     */
    public StoredIdentity requireIdentity(IdentityId identityId) {
        return store.identity(identityId).orElseThrow(
                () -> new ResourceNotFoundException("Identity '" + identityId + "' not found."));
    }

    /**
     * Checks that the pool exists and holds the identity.
     *
     * @throws ResourceNotFoundException naming whichever is missing
     */
    public StoredIdentity requireIdentityInPool(IdentityPoolId poolId, IdentityId identityId) {
        requirePool(poolId);
        return store.identity(identityId).filter(identity -> identity.poolId().equals(poolId)).orElseThrow(
                () -> new ResourceNotFoundException("Identity '" + identityId + "' not found."));
    }

    /**
     * Checks that the pool holds the identity and that it is enabled, as a write needs: a merge leaves its source
     * disabled, and a write racing the merge is refused rather than landing where nobody reads it.
     *
     * @throws ResourceNotFoundException naming whichever is missing
     * @throws NotAuthorizedException "Access to Identity '<id>' is forbidden." when the identity is disabled
     */
    public StoredIdentity requireWritableIdentityInPool(IdentityPoolId poolId, IdentityId identityId) {
        return CredentialRules.requireEnabled(requireIdentityInPool(poolId, identityId));
    }

    /**
     * Checks that {@code provider} is the pool's developer provider.
     *
     * @throws ResourceNotFoundException naming the provider and pool otherwise, or the pool when it does not exist
     */
    void requireDeveloperProvider(IdentityPoolId poolId, String provider) {
        if (!provider.equals(requirePool(poolId).developerProviderName())) {
            throw new ResourceNotFoundException("Developer provider '" + provider + "' not found for IdentityPool '"
                    + poolId + "'.");
        }
    }

    /**
     * The pool's identity linked to developer user {@code user} of {@code provider}.
     *
     * @throws ResourceNotFoundException naming the user when no identity is linked to it
     */
    StoredIdentity requireDeveloperIdentity(IdentityPoolId poolId, String provider, String user) {
        return linkedIdentity(poolId, Map.of(provider, user)).orElseThrow(
                () -> new ResourceNotFoundException("Developer user '" + user + "' not found for developer provider '"
                        + provider + "'."));
    }

    /** The pool's identity linked to any of {@code logins}, if there is one. */
    Optional<StoredIdentity> linkedIdentity(IdentityPoolId poolId, Map<String, String> logins) {
        if (logins.isEmpty()) {
            return Optional.empty();
        }
        String developer = developerProvider(poolId);
        int count = store.identityCount(poolId);
        return store.identities(poolId, null, count).stream()
                .filter(identity -> logins.entrySet().stream().anyMatch(
                        login -> isLinked(identity, login, developer)))
                .findFirst();
    }

    private static boolean isLinked(StoredIdentity identity, Map.Entry<String, String> login,
            @Nullable String developerProvider) {
        return login.getValue().equals(identity.logins().get(login.getKey()))
                || login.getKey().equals(developerProvider)
                && identity.mergedDeveloperUserIds().contains(login.getValue());
    }

    private StoredIdentity link(StoredIdentity identity, Map<String, String> logins) {
        String developer = developerProvider(identity.poolId());
        Map<String, String> merged = new HashMap<>(identity.logins());
        logins.entrySet().stream().filter(login -> !isLinked(identity, login, developer))
                .forEach(login -> merged.put(login.getKey(), login.getValue()));
        if (merged.equals(identity.logins())) {
            return identity;
        }
        StoredIdentity linked = identity.linked(merged, identity.mergedDeveloperUserIds(), clock.instant());
        store.putIdentity(linked);
        return linked;
    }

    private @Nullable String developerProvider(IdentityPoolId poolId) {
        return store.pool(poolId).map(StoredIdentityPool::developerProviderName).orElse(null);
    }

    private StoredIdentity createIdentity(IdentityPoolId poolId, Map<String, String> logins) {
        Instant now = clock.instant();
        StoredIdentity identity = new StoredIdentity(new IdentityId(ids.regional(region)), poolId, logins, now, now,
                false);
        store.putIdentity(identity);
        return identity;
    }

    private static List<StoredCognitoProvider> cognitoProviders(
            @Nullable List<PoolSettings.CognitoProvider> providers) {
        if (providers == null) {
            return List.of();
        }
        return providers.stream().map(IdentityConstraints::cognitoIdentityProvider).toList();
    }
}
