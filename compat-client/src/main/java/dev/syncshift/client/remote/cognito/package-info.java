/**
 * The Cognito Sync {@link dev.syncshift.client.spi.RemoteStore} adapter and the Cognito Identity credentials that
 * sign every backend.
 *
 * <p>Layer: adapter. Depends on the SPI, {@code core}, the client API's exceptions and the AWS SDK
 * ({@code cognitosync}, {@code cognitoidentity}).
 */
@NullMarked
package dev.syncshift.client.remote.cognito;

import org.jspecify.annotations.NullMarked;
