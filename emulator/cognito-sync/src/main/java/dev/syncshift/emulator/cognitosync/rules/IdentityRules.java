package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cognito Identity's pools and identities (cognito-sync-wire.md §6), and the pool/identity checks every Cognito
 * Sync operation makes.
 */
public final class IdentityRules {

    private static final Pattern POOL_NAME = Pattern.compile("[\\w\\s+=,.@-]+");

    private final IdentityStore store;
    private final IdGenerator ids;
    private final Clock clock;
    private final String region;

    /** Rules over {@code store}, making ids in {@code region}. */
    public IdentityRules(IdentityStore store, IdGenerator ids, Clock clock, String region) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.region = region;
    }

    /** CreateIdentityPool: a new pool with a generated id. Developer credentials only. */
    public StoredIdentityPool createIdentityPool(Caller caller, @Nullable String name,
            @Nullable Boolean allowUnauthenticated, @Nullable String developerProviderName,
            @Nullable Map<String, String> supportedLoginProviders) {
        Access.checkDeveloper(caller);
        Constraints.length("identityPoolName", Constraints.required("identityPoolName", name), 1, 128);
        Constraints.pattern("identityPoolName", name, POOL_NAME);
        Constraints.required("allowUnauthenticatedIdentities", allowUnauthenticated);
        IdentityPoolId id = new IdentityPoolId(ids.regional(region));
        StoredIdentityPool pool = new StoredIdentityPool(id, name, allowUnauthenticated, developerProviderName,
                supportedLoginProviders == null ? Map.of() : supportedLoginProviders, clock.instant());
        store.putPool(pool);
        return pool;
    }

    /**
     * GetId: the identity linked to {@code logins} in the pool, created on first use; without logins a new
     * unauthenticated identity.
     */
    public StoredIdentity getId(IdentityPoolId poolId, @Nullable Map<String, String> logins) {
        StoredIdentityPool pool = requirePool(poolId);
        Map<String, String> given = logins == null ? Map.of() : logins;
        if (given.isEmpty() && !pool.allowUnauthenticatedIdentities()) {
            throw new NotAuthorizedException("Unauthenticated access is not supported for this identity pool.");
        }
        return store.locked(() -> linkedIdentity(poolId, given).orElseGet(() -> createIdentity(poolId, given)));
    }

    /**
     * Checks that the pool exists.
     *
     * @throws ResourceNotFoundException "IdentityPool '<id>' not found."
     */
    public StoredIdentityPool requirePool(IdentityPoolId poolId) {
        return store.pool(poolId).orElseThrow(
                () -> new ResourceNotFoundException("IdentityPool '" + poolId + "' not found."));
    }

    /**
     * Checks that the pool exists and holds the identity.
     *
     * @throws ResourceNotFoundException naming whichever is missing
     */
    public StoredIdentity requireIdentityInPool(IdentityPoolId poolId, IdentityId identityId) {
        requirePool(poolId);
        return store.identity(identityId).filter(identity -> identity.poolId().equals(poolId)).orElseThrow(
                () -> new ResourceNotFoundException("Identity '" + identityId + "' not found."));
    }

    private Optional<StoredIdentity> linkedIdentity(IdentityPoolId poolId, Map<String, String> logins) {
        if (logins.isEmpty()) {
            return Optional.empty();
        }
        int count = store.identityCount(poolId);
        return store.identities(poolId, null, count).stream()
                .filter(identity -> logins.entrySet().stream().anyMatch(
                        login -> login.getValue().equals(identity.logins().get(login.getKey()))))
                .findFirst();
    }

    private StoredIdentity createIdentity(IdentityPoolId poolId, Map<String, String> logins) {
        Instant now = clock.instant();
        StoredIdentity identity = new StoredIdentity(new IdentityId(ids.regional(region)), poolId, logins, now, now,
                false);
        store.putIdentity(identity);
        return identity;
    }
}
