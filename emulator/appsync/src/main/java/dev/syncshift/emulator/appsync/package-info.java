/**
 * A local, generic AWS AppSync data plane: entry point ({@link dev.syncshift.emulator.appsync.AppSyncEmulator})
 * and its configuration. Layers beside it: {@code wire} (Jetty, JSON) → {@code rules} (GraphQL execution,
 * subscriptions; resolver code in {@code js}) → {@code store} (DynamoDB, credentials, subscriptions); beside
 * rules, {@code auth} (SigV4 checking), {@code control} (the control plane) and {@code fault} (injected faults);
 * under all of them {@code api} (definitions, HTTP-level errors). {@code template} reads the CloudFormation
 * template into {@code api} definitions; {@code junit} starts the emulator for tests.
 */
@NullMarked
package dev.syncshift.emulator.appsync;

import org.jspecify.annotations.NullMarked;
