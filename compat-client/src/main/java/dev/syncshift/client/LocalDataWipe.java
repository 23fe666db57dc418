package dev.syncshift.client;

import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a wipe of a manager's local data drops from the cache file, {@code held} being the identity the manager's data
 * belongs to (null: none yet), as {@link DeviceIdentity} runs it under its write lock: the user's own
 * {@link CognitoSyncManager#wipeData} ({@link #own}), or the following of one made by another manager or process of
 * the file ({@link #followed}).
 */
record LocalDataWipe(LocalCache cache, IdentityPoolId pool, @Nullable IdentityId held) {

    /**
     * The user's own wipe: {@code held}'s data and the data made before any identity; one that has not learned the
     * device's identity yet wipes the one another manager of the cache file got (the device keeps one): left there, its
     * data stays and the next synchronize takes the identity back. The file forgets the identity and counts the wipe.
     */
    void own() {
        if (held == null) {
            cache.identity(pool).ifPresent(cache::wipe);
        }
        cache.wipe(held != null ? held : LocalCache.UNKNOWN_IDENTITY);
        cache.wipe(LocalCache.UNKNOWN_IDENTITY);
    }

    /**
     * The following of a wipe made elsewhere, which that manager counted: only what this manager held goes, and the
     * data made before any identity, never the identity the file remembers now (the next user's, signed in there
     * since, or the wiped one signed in again there), so no wipe is counted for it. The file's identity is read and
     * the data wiped in one write ({@link LocalCache#writeUnlessMoved}, one transaction of the SQLite file): a login
     * there as the wiped identity, landing between the two, would lose its new data to this wipe.
     *
     * @return what this manager's data became, for the failure's message
     */
    String followed() {
        List<String> dropped = new ArrayList<>(1);
        long wipes = cache.wipes(pool);
        while (!cache.writeUnlessMoved(pool, wipes, null, () -> dropped.add(dropHeld()))) {
            wipes = cache.wipes(pool); // a wipe landed since it was read: decide from the file as it is now
        }
        return dropped.get(0);
    }

    /** {@link #followed}'s write. */
    private String dropHeld() {
        cache.wipe(LocalCache.UNKNOWN_IDENTITY);
        if (held == null) {
            return "this manager held no identity, and only its data made before any identity was dropped";
        }
        if (cache.identity(pool).equals(Optional.of(held))) {
            return "the identity " + held + " was signed in again there since, and its data there was kept (only "
                    + "this manager's data made before any identity was dropped)";
        }
        cache.wipe(held);
        return "this manager's data of the identity " + held + " was wiped too";
    }
}
