package dev.syncshift.migrator.source;

import dev.syncshift.core.IdentityPoolId;

/**
 * The pool was deleted while the run read it: no identity of it can be listed or read any more, and running the same
 * command again cannot continue the run.
 */
public final class PoolDeletedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The pool {@code pool} is gone. */
    public PoolDeletedException(IdentityPoolId pool) {
        super("the identity pool " + pool.value() + " does not exist any more (it was deleted during the run)");
    }
}
