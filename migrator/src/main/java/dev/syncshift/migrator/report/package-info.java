/**
 * The run's figures and its report: counts kept per partition in the step execution contexts (so they survive a
 * restart exactly), issues named one by one, calls and throttles from the SDK, written as JSON and as a console
 * table; and the progress shown while a run goes.
 *
 * <p>Layer: migrator. May use {@code migrator.target}'s outcomes, Jackson and Spring Batch's domain types.
 */
@NullMarked
package dev.syncshift.migrator.report;

import org.jspecify.annotations.NullMarked;
