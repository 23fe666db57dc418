/**
 * The Spring Batch job: one enumeration step (ListIdentities or a file, into a manifest table) running beside one
 * partitioned copy step whose partitions follow the manifest as it grows, so copying starts within seconds and
 * overlaps enumeration. All state (cursors, counters, the manifest, reported issues) lives in the job repository's
 * database and commits with each chunk, so a restart continues exactly where the last commit left off.
 *
 * <p>Layer: migrator. May use every other migrator package, Spring Batch and Spring JDBC.
 */
@NullMarked
package dev.syncshift.migrator.job;

import org.jspecify.annotations.NullMarked;
