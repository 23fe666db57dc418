/**
 * Wire layer: the Jetty handler, the routing table ({@link dev.syncshift.emulator.cognitosync.wire.Operations}),
 * the JSON codec, request and response shapes, and the one error renderer. Turns HTTP into calls on the rules and
 * results or errors back into HTTP, exactly as Cognito Sync (REST-JSON) and Cognito Identity (AWS JSON 1.1) do.
 *
 * <p>May depend on {@code rules} and {@code core}; never on {@code store}.
 */
@NullMarked
package dev.syncshift.emulator.cognitosync.wire;

import org.jspecify.annotations.NullMarked;
