/**
 * The synchronize engine: pull, conflicts, push, retries, in plain synchronous Java over the two ports.
 *
 * <p>Layer: engine. Depends on the SPI, {@code core} and the client API's values and callbacks; no threads, SQL,
 * HTTP or SDK types.
 */
@NullMarked
package dev.syncshift.client.sync;

import org.jspecify.annotations.NullMarked;
