/**
 * A local, wire-faithful Cognito Sync and Cognito Identity. {@link CognitoSyncEmulator} starts it, embedded or
 * from the command line, with a {@link CognitoSyncEmulatorConfig}.
 *
 * <p>Layers: {@code wire} → {@code rules} → {@code store}, each depending on {@code core}.
 */
@NullMarked
package dev.syncshift.emulator.cognitosync;

import org.jspecify.annotations.NullMarked;
