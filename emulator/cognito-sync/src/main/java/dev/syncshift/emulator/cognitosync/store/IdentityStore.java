package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Identity pools and their identities. Writers are serialised by {@link #locked}; reads never block. */
public interface IdentityStore {

    /** Stores or replaces a pool. */
    void putPool(StoredIdentityPool pool);

    /** Removes a pool; its identities stay addressable only through their datasets. */
    void removePool(IdentityPoolId id);

    /** The pool, if it exists. */
    Optional<StoredIdentityPool> pool(IdentityPoolId id);

    /** Every pool, ordered by id. */
    List<StoredIdentityPool> pools();

    /** Stores or replaces an identity. */
    void putIdentity(StoredIdentity identity);

    /** Removes an identity. */
    void removeIdentity(IdentityId id);

    /** The identity, if it exists. */
    Optional<StoredIdentity> identity(IdentityId id);

    /**
     * A page of the pool's identities, ordered by id.
     *
     * @param afterId exclusive start: the last id of the previous page, or null for the first page
     * @param limit the most identities to return
     */
    List<StoredIdentity> identities(IdentityPoolId poolId, @Nullable IdentityId afterId, int limit);

    /** The number of identities in the pool. */
    int identityCount(IdentityPoolId poolId);

    /** Runs {@code action} holding the store's write lock. */
    <T> T locked(Supplier<T> action);
}
