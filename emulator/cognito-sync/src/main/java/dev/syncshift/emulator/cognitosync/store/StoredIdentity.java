package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An identity of a pool.
 *
 * @param id the identity id
 * @param poolId its pool
 * @param logins linked provider name to the provider's user id (a developer identity's id, a token's subject)
 * @param creationDate when it was created
 * @param lastModifiedDate when its logins last changed
 * @param disabled whether it was disabled (ListIdentities' HideDisabled)
 * @param mergedDeveloperUserIds further developer user ids of the pool's developer provider, linked to this
 *     identity by MergeDeveloperIdentities
 */
public record StoredIdentity(
        IdentityId id,
        IdentityPoolId poolId,
        Map<String, String> logins,
        Instant creationDate,
        Instant lastModifiedDate,
        boolean disabled,
        Set<String> mergedDeveloperUserIds) {

    /** Copies the map and set. */
    public StoredIdentity {
        logins = Map.copyOf(logins);
        mergedDeveloperUserIds = Set.copyOf(mergedDeveloperUserIds);
    }

    /** An identity no merge has given further developer user ids. */
    public StoredIdentity(IdentityId id, IdentityPoolId poolId, Map<String, String> logins, Instant creationDate,
            Instant lastModifiedDate, boolean disabled) {
        this(id, poolId, logins, creationDate, lastModifiedDate, disabled, Set.of());
    }

    /** This identity with {@code logins} (and {@code mergedDeveloperUserIds}) linked at {@code now}. */
    public StoredIdentity linked(Map<String, String> newLogins, Set<String> newMergedDeveloperUserIds, Instant now) {
        return new StoredIdentity(id, poolId, newLogins, creationDate, now, disabled, newMergedDeveloperUserIds);
    }

    /**
     * This identity after an unlink at {@code now}, left with {@code remainingLogins} and
     * {@code remainingDeveloperUserIds}: disabled once neither holds anything, as AWS leaves an identity no login
     * reaches any more (an identity never goes back to unauthenticated).
     */
    public StoredIdentity unlinked(Map<String, String> remainingLogins, Set<String> remainingDeveloperUserIds,
            Instant now) {
        boolean unreachable = remainingLogins.isEmpty() && remainingDeveloperUserIds.isEmpty();
        return new StoredIdentity(id, poolId, remainingLogins, creationDate, now, disabled || unreachable,
                remainingDeveloperUserIds);
    }

    /** This identity as a merge leaves its source at {@code now}: disabled, its logins gone to the survivor. */
    public StoredIdentity mergedAway(Instant now) {
        return new StoredIdentity(id, poolId, Map.of(), creationDate, now, true, Set.of());
    }
}
