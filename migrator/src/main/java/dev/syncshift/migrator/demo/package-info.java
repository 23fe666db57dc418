/**
 * The {@code demo} command: the whole cutover on this machine, on embedded defaults — the Cognito Sync emulator
 * with a generated pool, DynamoDB Local (from the user's own Maven cache, in its own class loader, on loopback) and
 * the AppSync emulator running the real template over the same table — driven through the real command line.
 *
 * <p>Layer: migrator's entry point. May use the emulators, which are not used anywhere else in main code.
 */
@NullMarked
package dev.syncshift.migrator.demo;

import org.jspecify.annotations.NullMarked;
