/**
 * Checks that change nothing: the preflight of {@code check} (and of every run) on the source pool, the target
 * table and, optionally, the deployed AppSync API.
 *
 * <p>Layer: migrator. May use {@code migrator.target}, {@code migrator.config} and the AWS SDK clients.
 */
@NullMarked
package dev.syncshift.migrator.verify;

import org.jspecify.annotations.NullMarked;
