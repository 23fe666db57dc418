package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.InvalidParameterException;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * DescribeIdentityPool, ListIdentityPools, GetIdentityPoolRoles, SetIdentityPoolRoles and DeleteIdentityPool
 * (docs/cognito-sync.md#wire-protocol). All need developer credentials.
 */
public final class IdentityPoolRules {

    private static final Pattern ROLE_TYPE = Pattern.compile("(un)?authenticated");

    private final IdentityStore store;
    private final IdentityRules identities;

    /** Rules over the pools of {@code store}. */
    public IdentityPoolRules(IdentityStore store, IdentityRules identities) {
        this.store = store;
        this.identities = identities;
    }

    /** DescribeIdentityPool: the pool as created. */
    public StoredIdentityPool describeIdentityPool(Caller caller, IdentityPoolId poolId) {
        Access.checkDeveloper(caller);
        return identities.requirePool(poolId);
    }

    /** ListIdentityPools: a page of the account's pools by id. */
    public IdentityPoolsPage listIdentityPools(Caller caller, @Nullable Integer maxResults,
            @Nullable String nextToken) {
        int limit = IdentityConstraints.maxResults(maxResults);
        String after = PageTokens.decode("ListIdentityPools", IdentityConstraints.nextToken(nextToken));
        Access.checkDeveloper(caller);
        List<StoredIdentityPool> candidates = store.pools().stream()
                .filter(pool -> after == null || pool.id().value().compareTo(after) > 0)
                .limit(limit + 1L)
                .toList();
        boolean more = candidates.size() > limit;
        List<StoredIdentityPool> page = more ? candidates.subList(0, limit) : candidates;
        String next = more ? PageTokens.encode("ListIdentityPools", page.get(limit - 1).id().value()) : null;
        return new IdentityPoolsPage(page, next);
    }

    /** GetIdentityPoolRoles: the pool, whose roles are those SetIdentityPoolRoles set (none before). */
    public StoredIdentityPool getIdentityPoolRoles(Caller caller, IdentityPoolId poolId) {
        Access.checkDeveloper(caller);
        return identities.requirePool(poolId);
    }

    /**
     * SetIdentityPoolRoles: replaces the pool's roles ({@code authenticated}, {@code unauthenticated}: IAM role ARNs)
     * and role mappings. The emulator has no IAM: credentials it issues act for their identity whatever the roles.
     *
     * @throws InvalidParameterException when the roles are missing, or hold another key or a value that is no ARN
     */
    public StoredIdentityPool setIdentityPoolRoles(Caller caller, IdentityPoolId poolId,
            @Nullable Map<String, String> roles, @Nullable Map<String, Object> roleMappings) {
        Map<String, String> checked = roles(roles);
        Access.checkDeveloper(caller);
        return store.locked(() -> {
            StoredIdentityPool updated = identities.requirePool(poolId)
                    .withRoles(checked, roleMappings == null ? Map.of() : roleMappings);
            store.putPool(updated);
            return updated;
        });
    }

    private static Map<String, String> roles(@Nullable Map<String, String> roles) {
        Map<String, String> given = Constraints.keysMatch("roles", Constraints.required("roles", roles), ROLE_TYPE);
        given.forEach((type, arn) -> Constraints.length("roles." + type, Constraints.required("roles." + type, arn),
                20, 2048));
        return given;
    }

    /** DeleteIdentityPool: removes the pool; its identities and their data become unreachable. */
    public void deleteIdentityPool(Caller caller, IdentityPoolId poolId) {
        Access.checkDeveloper(caller);
        identities.requirePool(poolId);
        store.locked(() -> {
            store.removePool(poolId);
            return null;
        });
    }
}
