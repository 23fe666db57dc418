package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.StoredDataset;
import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DescribeIdentityPoolUsage, ListIdentityPoolUsage and DescribeIdentityUsage
 * (docs/cognito-sync.md#usage-push-sync-and-streams). Storage counts the keys and values of existing datasets; deleted
 * datasets still count toward the last modification date.
 */
public final class UsageRules {

    /** ListIdentityPoolUsage's page size when maxResults is absent, and its cap (as Cognito Identity's lists). */
    public static final int MAX_PAGE = 60;

    private final IdentityStore pools;
    private final IdentityRules identities;
    private final DatasetStore datasets;

    /** Rules over the pools of {@code pools} and the datasets of {@code datasets}. */
    public UsageRules(IdentityStore pools, IdentityRules identities, DatasetStore datasets) {
        this.pools = pools;
        this.identities = identities;
        this.datasets = datasets;
    }

    /** DescribeIdentityPoolUsage: the pool's usage. Developer credentials only. */
    public IdentityPoolUsage describeIdentityPoolUsage(Caller caller, IdentityPoolId poolId) {
        Access.checkDeveloper(caller);
        identities.requirePool(poolId);
        return usage(poolId);
    }

    /** ListIdentityPoolUsage: every pool's usage by pool id, a page at a time. Developer credentials only. */
    public PoolUsagePage listIdentityPoolUsage(Caller caller, @Nullable String nextToken,
            @Nullable Integer maxResults) {
        Access.checkDeveloper(caller);
        int pageSize = PageTokens.pageSize(maxResults, MAX_PAGE, MAX_PAGE);
        String after = PageTokens.decode("ListIdentityPoolUsage", nextToken);
        List<IdentityPoolId> candidates = pools.pools().stream()
                .map(StoredIdentityPool::id)
                .filter(id -> after == null || id.value().compareTo(after) > 0)
                .limit(pageSize + 1L)
                .toList();
        boolean more = candidates.size() > pageSize;
        List<IdentityPoolId> page = more ? candidates.subList(0, pageSize) : candidates;
        String next = more ? PageTokens.encode("ListIdentityPoolUsage", page.get(pageSize - 1).value()) : null;
        return new PoolUsagePage(page.stream().map(this::usage).toList(), pageSize, next);
    }

    /** DescribeIdentityUsage: the identity's usage. */
    public IdentityUsage describeIdentityUsage(Caller caller, IdentityPoolId poolId, IdentityId identityId) {
        Access.checkIdentity(caller, identities.requireIdentityInPool(poolId, identityId));
        List<StoredDataset> written = datasets.list(identityId);
        List<StoredDataset> existing = written.stream().filter(StoredDataset::exists).toList();
        return new IdentityUsage(identityId, poolId, lastModified(written), existing.size(), storage(existing));
    }

    private IdentityPoolUsage usage(IdentityPoolId poolId) {
        List<StoredDataset> written = datasets.listPool(poolId);
        List<StoredDataset> existing = written.stream().filter(StoredDataset::exists).toList();
        return new IdentityPoolUsage(poolId, datasets.syncSessions(poolId), storage(existing), lastModified(written));
    }

    private static long storage(List<StoredDataset> existing) {
        return existing.stream().mapToLong(dataset -> dataset.snapshot().storageBytes()).sum();
    }

    private static @Nullable Instant lastModified(List<StoredDataset> written) {
        return written.stream().map(StoredDataset::lastModifiedDate).max(Comparator.naturalOrder()).orElse(null);
    }
}
