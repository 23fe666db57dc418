/**
 * Configuration: the {@code syncshift.migrator.*} properties (set by the command line, the environment or a
 * properties file), the AWS SDK clients built from them and the HTTP proxy they go through
 * ({@link dev.syncshift.migrator.config.ProxyEnvironment}), and the per-operation rate limits.
 *
 * <p>Layer: migrator. May use {@code core}, the AWS SDK, Spring and Bucket4j.
 */
@NullMarked
package dev.syncshift.migrator.config;

import org.jspecify.annotations.NullMarked;
