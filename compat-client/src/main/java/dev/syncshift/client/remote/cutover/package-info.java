/**
 * The cutover {@link dev.syncshift.client.spi.RemoteStore}: AppSync, importing each dataset's Cognito Sync state on
 * first touch under the source-watermark condition.
 *
 * <p>Layer: adapter. Depends on the two other remote adapters, the SPI, {@code core} and the client API's
 * exceptions.
 */
@NullMarked
package dev.syncshift.client.remote.cutover;

import org.jspecify.annotations.NullMarked;
