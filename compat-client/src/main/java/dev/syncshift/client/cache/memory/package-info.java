/**
 * The in-memory {@link dev.syncshift.client.spi.LocalCache} adapter, for tests.
 *
 * <p>Layer: adapter. Depends on the SPI and {@code core}.
 */
@NullMarked
package dev.syncshift.client.cache.memory;

import org.jspecify.annotations.NullMarked;
