package dev.syncshift.client.spi;

import dev.syncshift.core.DatasetKey;

/** Hears of changes to a subscribed dataset. Called on the remote's own thread; must return quickly. */
@FunctionalInterface
public interface DatasetChangeListener {

    /**
     * The dataset changed on the service, or the connection was re-established after a break (changes may have been
     * missed): pull to catch up.
     */
    void datasetChanged(DatasetKey key);
}
