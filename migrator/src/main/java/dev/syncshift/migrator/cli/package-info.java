/**
 * The command line (picocli): {@code migrate}, {@code verify}, {@code check} and {@code demo}, their options, exit
 * codes, progress display and report printing. The only place that reads arguments and the environment; it turns
 * them into {@code syncshift.migrator.*} properties and starts the Spring application.
 *
 * <p>Layer: migrator's entry point. May use every other migrator package.
 */
@NullMarked
package dev.syncshift.migrator.cli;

import org.jspecify.annotations.NullMarked;
