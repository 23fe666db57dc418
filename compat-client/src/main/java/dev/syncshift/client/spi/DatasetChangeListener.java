package dev.syncshift.client.spi;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityId;

/**
 * Hears of changes to a subscribed dataset, or to any dataset of a subscribed identity. Called on the remote's own
 * thread; must return quickly.
 */
@FunctionalInterface
public interface DatasetChangeListener {

    /**
     * The dataset changed on the service, or the connection was re-established after a break (changes may have been
     * missed): pull to catch up.
     */
    void datasetChanged(DatasetKey key);

    /**
     * A change (not a deletion) brought the dataset on the service to {@code syncCount}: a device that has pulled up to
     * that count has nothing to catch up on (its own push, or a change another subscription told of first).
     */
    default void datasetChangedTo(DatasetKey key, long syncCount) {
        datasetChanged(key);
    }

    /**
     * The dataset was deleted on the service, which counted the deletion as {@code syncCount}: the same deletion told
     * of again (by another subscription) has that count too.
     */
    default void datasetDeletedAt(DatasetKey key, long syncCount) {
        datasetChanged(key);
    }

    /**
     * An identity-wide subscription may have missed changes to any of the identity's datasets (it was re-established
     * after a break): pull them all. A dataset subscription never calls this, and when it is re-established after an
     * identity-wide one with the same listener caught up on the same connection, it does not tell of its own
     * catch-up: this covers it.
     */
    default void changesMayBeMissed(IdentityId identity) {
    }
}
