package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What LookupDeveloperIdentity found: the identity and one page of its developer user ids.
 *
 * @param identityId the identity
 * @param developerUserIds the page of its developer user ids, in order
 * @param nextToken the token of the next page, or null after the last
 */
public record DeveloperIdentityLookup(IdentityId identityId, List<String> developerUserIds,
        @Nullable String nextToken) {

    /** Copies the list. */
    public DeveloperIdentityLookup {
        developerUserIds = List.copyOf(developerUserIds);
    }
}
