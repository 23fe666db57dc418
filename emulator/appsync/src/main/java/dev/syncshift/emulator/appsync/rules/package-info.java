/**
 * Rules layer: GraphQL execution with AppSync's scalars and directives, resolver pipelines (their code runs in
 * {@code js}), DynamoDB request objects, IAM authorization (through {@code emulator/sigv4}), subscriptions and the
 * control plane. Imports {@code store} and {@code js}; never Jetty, Jackson or GraalJS.
 */
@NullMarked
package dev.syncshift.emulator.appsync.rules;

import org.jspecify.annotations.NullMarked;
