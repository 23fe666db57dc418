/**
 * What the remote adapters share: the way out to AWS ({@link dev.syncshift.client.remote.SdkProxy}, the HTTP proxy
 * the AWS SDK's settings name, with its user and password).
 *
 * <p>Layer: adapter support. Depends on the JDK's networking and the AWS SDK's URLConnection HTTP client.
 */
@NullMarked
package dev.syncshift.client.remote;

import org.jspecify.annotations.NullMarked;
