/**
 * JUnit 5 support for tests of this and other modules: {@link CognitoSyncEmulatorExtension} starts an emulator per
 * test class and injects it, its endpoint and ready AWS SDK v2 clients.
 *
 * <p>Not a layer: it uses the emulator only through its public entry point. Needs {@code junit-jupiter-api} and the
 * SDK's {@code cognitosync}, {@code cognitoidentity} and {@code url-connection-client} on the test class path; this
 * module declares them {@code provided}, so they are never forced on those who embed the emulator.
 */
@NullMarked
package dev.syncshift.emulator.cognitosync.junit;

import org.jspecify.annotations.NullMarked;
