package dev.syncshift.migrator.source;

import dev.syncshift.core.IdentityId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One ListIdentities page.
 *
 * @param identities the identities, in the service's order
 * @param nextToken the token of the next page, or null after the last
 */
public record IdentityPage(List<IdentityId> identities, @Nullable String nextToken) {

    /** Copies the list. */
    public IdentityPage {
        identities = List.copyOf(identities);
    }
}
