package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityPoolId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Each pool's Cognito Sync configuration and its latest bulk publish. Reads never block; writers of one pool are
 * serialised by {@link #locked}.
 */
public interface PoolConfigurationStore {

    /** The pool's configuration, if anything was ever configured. */
    Optional<StoredPoolConfiguration> configuration(IdentityPoolId poolId);

    /** Stores {@code configuration}, replacing the pool's previous one. Call inside {@link #locked}. */
    void putConfiguration(StoredPoolConfiguration configuration);

    /** The pool's latest bulk publish, if one was ever requested. */
    Optional<StoredBulkPublish> bulkPublish(IdentityPoolId poolId);

    /** Stores {@code bulkPublish}, replacing the pool's previous one. Call inside {@link #locked}. */
    void putBulkPublish(StoredBulkPublish bulkPublish);

    /** Runs {@code action} holding the lock of {@code poolId}'s configuration. */
    <T> T locked(IdentityPoolId poolId, Supplier<T> action);
}
