/**
 * The AppSync {@link dev.syncshift.client.spi.RemoteStore} adapter: SigV4-signed GraphQL over HTTPS and the
 * real-time WebSocket.
 *
 * <p>Layer: adapter. Depends on the SPI, {@code core}, the client API's exceptions, Jackson, the JDK HTTP client and
 * the AWS SDK's signer ({@code http-auth-aws}).
 */
@NullMarked
package dev.syncshift.client.remote.appsync;

import org.jspecify.annotations.NullMarked;
