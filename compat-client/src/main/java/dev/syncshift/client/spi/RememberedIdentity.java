package dev.syncshift.client.spi;

import dev.syncshift.core.IdentityId;
import org.jspecify.annotations.Nullable;

/**
 * What a cache remembers of the device's identity in one pool at one moment ({@link LocalCache#remembered}): a manager
 * starts with both, so that what it holds agrees with itself when another manager or process sharing the cache logs in
 * or out meanwhile.
 *
 * @param identity the identity remembered for the pool ({@link LocalCache#identity}), or null when none is
 * @param wipes how often a wipe forgot the pool's remembered identity ({@link LocalCache#wipes})
 */
public record RememberedIdentity(@Nullable IdentityId identity, long wipes) {
}
