/**
 * Running one migration on many machines: Spring Batch remote partitioning over the shared PostgreSQL job
 * repository. A manager runs the enumeration and the partitioned {@code copy} step; workers run its partitions,
 * taking requests from a PostgreSQL-backed channel or a JMS queue. Heartbeats in the database tell a lost worker or
 * manager from a slow one.
 *
 * <p>Layer: migrator. May use the {@code job} and {@code config} packages, Spring Batch (with its integration
 * module), Spring Integration (JDBC, JMS) and the PostgreSQL driver; nothing here runs unless the {@code manager} or
 * {@code worker} profile is active.
 */
@NullMarked
package dev.syncshift.migrator.job.remote;

import org.jspecify.annotations.NullMarked;
