/**
 * Injected faults: the {@link dev.syncshift.emulator.appsync.fault.FaultPlan} of added latency, throttles and
 * failures that {@code wire} applies to {@code POST /graphql} before a request runs, configured from the entry point.
 * Imports {@code api} only (the errors it raises); never Jetty, Jackson or GraalJS.
 */
@NullMarked
package dev.syncshift.emulator.appsync.fault;

import org.jspecify.annotations.NullMarked;
