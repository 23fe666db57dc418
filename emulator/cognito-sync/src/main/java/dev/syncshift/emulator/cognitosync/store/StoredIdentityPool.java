package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityPoolId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An identity pool (DescribeIdentityPool's shape, the parts the emulator keeps).
 *
 * @param id the pool id
 * @param name the pool name
 * @param allowUnauthenticatedIdentities whether GetId works without logins
 * @param developerProviderName the developer provider, if one is configured
 * @param supportedLoginProviders provider name to app id
 * @param creationDate when the pool was created
 */
public record StoredIdentityPool(
        IdentityPoolId id,
        String name,
        boolean allowUnauthenticatedIdentities,
        @Nullable String developerProviderName,
        Map<String, String> supportedLoginProviders,
        Instant creationDate) {

    /** Copies the map. */
    public StoredIdentityPool {
        supportedLoginProviders = Map.copyOf(supportedLoginProviders);
    }
}
