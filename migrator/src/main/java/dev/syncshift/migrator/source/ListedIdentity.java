package dev.syncshift.migrator.source;

import dev.syncshift.core.IdentityId;

/**
 * An identity as enumerated, with its position in the enumeration (0 for the first).
 *
 * @param position its position, which decides its partition
 * @param identityId the identity
 */
public record ListedIdentity(long position, IdentityId identityId) {
}
