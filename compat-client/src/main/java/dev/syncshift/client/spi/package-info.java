/**
 * The ports of the client (public, documented, meant to be implemented): {@link dev.syncshift.client.spi.RemoteStore}
 * (the service) and {@link dev.syncshift.client.spi.LocalCache} (the device's cache), and the values they exchange.
 * Ports speak the domain of {@code dev.syncshift.core}; backend notions (session tokens, GraphQL, SQL) stay in the
 * adapters.
 *
 * <p>Layer: ports. Depends on {@code core} and the client API's exceptions only.
 */
@NullMarked
package dev.syncshift.client.spi;

import org.jspecify.annotations.NullMarked;
