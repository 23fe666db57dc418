package dev.syncshift.emulator.cognitosync.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of ListIdentityPoolUsage.
 *
 * @param usages the pools of the page, by id
 * @param maxResults the page size used
 * @param nextToken where the next page starts, null on the last page
 */
public record PoolUsagePage(List<IdentityPoolUsage> usages, int maxResults, @Nullable String nextToken) {

    /** Copies the list. */
    public PoolUsagePage {
        usages = List.copyOf(usages);
    }
}
