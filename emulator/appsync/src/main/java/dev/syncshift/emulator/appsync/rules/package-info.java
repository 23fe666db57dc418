/**
 * Rules layer: GraphQL execution with AppSync's scalars and directives, resolver pipelines (their code runs in
 * {@code js}), DynamoDB request objects and subscriptions. Builds the {@code control} plane over the API it runs;
 * imports {@code api}, {@code auth} (the caller's identity), {@code control}, {@code store} and {@code js}; never
 * Jetty, Jackson or GraalJS.
 */
@NullMarked
package dev.syncshift.emulator.appsync.rules;

import org.jspecify.annotations.NullMarked;
