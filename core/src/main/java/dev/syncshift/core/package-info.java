/**
 * The Cognito Sync contract as code: identifiers, records, patches, dataset metadata, the service limits and the
 * sync-count rules, each violation a typed {@link dev.syncshift.core.ContractViolationException} carrying the wire
 * error name.
 *
 * <p>Layer: innermost. Depends on the JDK only; no I/O, no framework, no SDK. Every other module depends on it.
 */
@NullMarked
package dev.syncshift.core;

import org.jspecify.annotations.NullMarked;
