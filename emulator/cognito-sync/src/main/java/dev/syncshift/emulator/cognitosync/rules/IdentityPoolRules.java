package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DescribeIdentityPool, ListIdentityPools and DeleteIdentityPool (docs/cognito-sync.md#wire-protocol). All three need
 * developer credentials.
 */
public final class IdentityPoolRules {

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
