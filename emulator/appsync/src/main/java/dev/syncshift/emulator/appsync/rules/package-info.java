/**
 * Rules layer: GraphQL execution with AppSync's scalars and directives, the APPSYNC_JS runtime, DynamoDB
 * request objects, SigV4 verification and subscriptions. Imports {@code store}; never Jetty or Jackson.
 */
@NullMarked
package dev.syncshift.emulator.appsync.rules;

import org.jspecify.annotations.NullMarked;
