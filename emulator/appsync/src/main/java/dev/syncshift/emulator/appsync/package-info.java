/**
 * A local, generic AWS AppSync data plane: entry point ({@link dev.syncshift.emulator.appsync.AppSyncEmulator})
 * and its configuration. Layers beside it: {@code wire} (Jetty, JSON) → {@code rules} (GraphQL execution,
 * APPSYNC_JS, SigV4 checking) → {@code store} (DynamoDB, credentials, subscriptions); {@code template} reads
 * the CloudFormation template into rules' definitions; {@code junit} starts the emulator for tests.
 */
@NullMarked
package dev.syncshift.emulator.appsync;

import org.jspecify.annotations.NullMarked;
