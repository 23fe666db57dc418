package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DeleteIdentities (docs/cognito-sync.md#deleted-identities): identities leave their pool, their datasets with them.
 * Afterwards the identity is unknown to every operation, as one that never existed, and its logins are free: GetId
 * with them creates a new identity.
 */
public final class IdentityDeletionRules {

    private final IdentityStore identityStore;
    private final DatasetStore datasets;

    /** Rules deleting identities of {@code identityStore} and their datasets in {@code datasets}. */
    public IdentityDeletionRules(IdentityStore identityStore, DatasetStore datasets) {
        this.identityStore = identityStore;
        this.datasets = datasets;
    }

    /**
     * DeleteIdentities. Developer credentials only. Deletes each listed identity that exists, in any pool; an id
     * that names no identity is ignored, and one listed twice is deleted once.
     *
     * @throws dev.syncshift.core.InvalidParameterException when the list is absent, empty, longer than 60 or holds
     *     a malformed id; then nothing is deleted
     * @throws NotAuthorizedException for temporary credentials
     */
    public void deleteIdentities(Caller caller, @Nullable List<String> identityIdsToDelete) {
        List<IdentityId> listed = IdentityConstraints.identityIdsToDelete(identityIdsToDelete);
        Access.checkDeveloper(caller);
        identityStore.locked(() -> {
            new LinkedHashSet<>(listed).forEach(this::delete);
            return null;
        });
    }

    /**
     * Removes the identity and every dataset it ever wrote, holding its datasets' lock (as a merge does), so that a
     * write racing the deletion either lands before it, and goes with it, or is refused as one of an unknown identity.
     */
    private void delete(IdentityId id) {
        if (identityStore.identity(id).isPresent()) {
            datasets.locked(id, () -> {
                datasets.list(id).forEach(dataset -> datasets.remove(dataset.key()));
                identityStore.removeIdentity(id);
                return null;
            });
        }
    }
}
