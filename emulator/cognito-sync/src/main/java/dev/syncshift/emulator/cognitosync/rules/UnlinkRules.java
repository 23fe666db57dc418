package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.InvalidParameterException;
import dev.syncshift.core.ResourceConflictException;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * UnlinkDeveloperIdentity and UnlinkIdentity (docs/cognito-sync.md#unlinks-and-lookups): a developer user id or
 * federated logins leave an identity, and are met as new users the next time they are seen (GetId,
 * GetOpenIdTokenForDeveloperIdentity). An identity left with neither logins nor developer user ids is disabled, as a
 * merge's source is: refused credentials and tokens, listed unless HideDisabled, its datasets kept.
 */
public final class UnlinkRules {

    private final IdentityStore identityStore;
    private final DatasetStore datasets;
    private final IdentityRules identities;
    private final Clock clock;

    /** Rules unlinking logins from the identities of {@code identityStore}, whose datasets are in {@code datasets}. */
    public UnlinkRules(IdentityStore identityStore, DatasetStore datasets, IdentityRules identities, Clock clock) {
        this.identityStore = identityStore;
        this.datasets = datasets;
        this.identities = identities;
        this.clock = clock;
    }

    /**
     * UnlinkDeveloperIdentity. Developer credentials only.
     *
     * @throws ResourceNotFoundException when the pool, its developer provider or the identity is unknown
     * @throws ResourceConflictException when the user is not linked to the identity
     */
    public void unlinkDeveloperIdentity(Caller caller, IdentityPoolId poolId, IdentityId identityId,
            @Nullable String developerProviderName, @Nullable String developerUserIdentifier) {
        String provider = IdentityConstraints.developerProviderName("developerProviderName",
                Constraints.required("developerProviderName", developerProviderName));
        String user = IdentityConstraints.developerUserIdentifier("developerUserIdentifier",
                Constraints.required("developerUserIdentifier", developerUserIdentifier));
        Access.checkDeveloper(caller);
        identities.requireDeveloperProvider(poolId, provider);
        identityStore.locked(() -> {
            StoredIdentity identity = identities.requireIdentityInPool(poolId, identityId);
            DeveloperLookupRules.requireLinked(identity, provider, user);
            Map<String, String> logins = new HashMap<>(identity.logins());
            TreeSet<String> merged = new TreeSet<>(identity.mergedDeveloperUserIds());
            if (!merged.remove(user)) {
                // the identity's own developer user id: the first one merges linked to it takes its place
                logins.remove(provider);
                Optional.ofNullable(merged.pollFirst()).ifPresent(next -> logins.put(provider, next));
            }
            return update(identity.unlinked(logins, merged, clock.instant()));
        });
    }

    /**
     * UnlinkIdentity. Unsigned: the caller proves the identity is theirs by presenting one of its logins (or a
     * {@code cognito-identity.amazonaws.com} token of it).
     *
     * @throws ResourceNotFoundException when the identity or its pool is unknown
     * @throws NotAuthorizedException when the identity is disabled or the logins presented are not its own
     * @throws ResourceConflictException when a provider to remove is not linked to the identity
     * @throws InvalidParameterException when a provider to remove is the pool's developer provider
     */
    public void unlinkIdentity(IdentityId identityId, @Nullable Map<String, String> logins,
            @Nullable List<String> loginsToRemove) {
        Map<String, String> presented = IdentityConstraints.logins(Constraints.required("logins", logins));
        List<String> removing = IdentityConstraints.loginsToRemove(loginsToRemove);
        identityStore.locked(() -> {
            StoredIdentity identity = CredentialRules.requireEnabled(identities.requireIdentity(identityId));
            String developer = identities.requirePool(identity.poolId()).developerProviderName();
            Logins.checkPresented(identity, presented, clock.instant());
            Map<String, String> remaining = new HashMap<>(identity.logins());
            removing.forEach(provider -> {
                requireFederated(identity, provider, developer);
                remaining.remove(provider);
            });
            if (remaining.equals(identity.logins())) {
                return null;
            }
            return update(identity.unlinked(remaining, identity.mergedDeveloperUserIds(), clock.instant()));
        });
    }

    private static void requireFederated(StoredIdentity identity, String provider, @Nullable String developer) {
        if (provider.equals(developer)) {
            throw new InvalidParameterException("Developer provider '" + provider
                    + "' is unlinked with UnlinkDeveloperIdentity.");
        }
        if (!identity.logins().containsKey(provider)) {
            throw new ResourceConflictException("Login '" + provider + "' is not linked to Identity '"
                    + identity.id() + "'.");
        }
    }

    /**
     * Stores the identity holding its datasets' lock, so that a write racing an unlink that disables it lands
     * before, or is refused as a write to a disabled identity.
     */
    private @Nullable Void update(StoredIdentity unlinked) {
        return datasets.locked(unlinked.id(), () -> {
            identityStore.putIdentity(unlinked);
            return null;
        });
    }
}
