/**
 * The SQLite {@link dev.syncshift.client.spi.LocalCache} adapter, on the tables of AWS's Android cache file.
 *
 * <p>Layer: adapter. Depends on the SPI, {@code core}, the client API's exceptions and JDBC (sqlite-jdbc).
 */
@NullMarked
package dev.syncshift.client.cache.sqlite;

import org.jspecify.annotations.NullMarked;
