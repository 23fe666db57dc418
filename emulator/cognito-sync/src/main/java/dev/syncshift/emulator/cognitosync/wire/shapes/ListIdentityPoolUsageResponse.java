package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** ListIdentityPoolUsage's result; Count is the number returned, MaxResults the page size used. */
public record ListIdentityPoolUsageResponse(
        List<IdentityPoolUsageShape> identityPoolUsages, int maxResults, int count, @Nullable String nextToken) {
}
