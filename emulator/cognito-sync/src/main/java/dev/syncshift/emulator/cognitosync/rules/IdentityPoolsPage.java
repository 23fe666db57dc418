package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of ListIdentityPools.
 *
 * @param pools the pools of the page, by id
 * @param nextToken where the next page starts, null on the last page
 */
public record IdentityPoolsPage(List<StoredIdentityPool> pools, @Nullable String nextToken) {
}
