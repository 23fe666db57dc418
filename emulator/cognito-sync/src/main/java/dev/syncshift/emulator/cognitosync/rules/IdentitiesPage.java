package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of ListIdentities.
 *
 * @param identities the identities of the page, by id
 * @param nextToken where the next page starts, null on the last page
 */
public record IdentitiesPage(List<StoredIdentity> identities, @Nullable String nextToken) {
}
