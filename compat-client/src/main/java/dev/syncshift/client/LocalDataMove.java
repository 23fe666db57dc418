package dev.syncshift.client;

import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.core.IdentityId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The move of a manager's local data in the cache file when its identity changes from {@code old} (null: none was
 * known; {@code from} is then {@link LocalCache#UNKNOWN_IDENTITY}) to {@code current}, as a write that
 * {@link DeviceIdentity} runs in one transaction of the file with its decision: the data of {@code from} moves to
 * {@code current}, or is dropped when this manager's own login found the identity it remembered {@code wiped} by
 * another manager or process of the cache file (a logout there while the login here was on its way): that wipe is of
 * the identity left, and is followed here as it would have been by the next synchronize; what is put under
 * {@code current} from now on is no longer the wiped one's. Nothing happens when {@code from} is {@code current}.
 */
record LocalDataMove(LocalCache cache, @Nullable IdentityId old, IdentityId from, IdentityId current, boolean wiped)
        implements Runnable {

    // Its lines are the manager's, as DeviceIdentity's are.
    private static final Logger LOG = LoggerFactory.getLogger(CognitoSyncManager.class);

    @Override
    public void run() {
        if (from.equals(current)) {
            return;
        }
        if (wiped) {
            LOG.info("identity changed after another manager of the cache file wiped the device's data; the data of "
                    + "identity {} is dropped, not moved to the new identity", from);
            cache.wipe(from);
        } else if (old == null) {
            // The first identity of this cache (or of this pool): datasets made before it are its own.
            LOG.debug("identity obtained; local datasets made before it move to it");
            cache.changeIdentity(from, current);
        } else {
            LOG.info("identity changed; moving local datasets to the new identity");
            cache.changeIdentity(from, current);
        }
    }
}
