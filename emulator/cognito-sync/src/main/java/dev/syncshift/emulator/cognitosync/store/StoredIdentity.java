package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.time.Instant;
import java.util.Map;

/**
 * An identity of a pool.
 *
 * @param id the identity id
 * @param poolId its pool
 * @param logins linked provider name to the provider's user id (a developer identity's id, a token's subject)
 * @param creationDate when it was created
 * @param lastModifiedDate when its logins last changed
 * @param disabled whether it was disabled (ListIdentities' HideDisabled)
 */
public record StoredIdentity(
        IdentityId id,
        IdentityPoolId poolId,
        Map<String, String> logins,
        Instant creationDate,
        Instant lastModifiedDate,
        boolean disabled) {

    /** Copies the map. */
    public StoredIdentity {
        logins = Map.copyOf(logins);
    }
}
