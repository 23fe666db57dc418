package dev.syncshift.migrator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An embedded PostgreSQL (real binaries, no Docker) handing out a fresh database per test. Closing stops it. A test
 * that stops or restarts PostgreSQL starts one of its own; the others share {@link #get()}'s.
 */
public final class SharedPostgres implements AutoCloseable {

    private static @Nullable SharedPostgres ofThisJvm;

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private SharedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A PostgreSQL of the caller's own, which it closes. */
    public static SharedPostgres start() throws IOException {
        return new SharedPostgres(EmbeddedPostgres.builder().start());
    }

    /**
     * The PostgreSQL of this test JVM, started by the first class that asks and kept for the others (each test takes
     * a database of its own, so they share nothing else), where a start of its own (initdb included) cost each class
     * a second or two. Never closed: EmbeddedPostgres's shutdown hook stops it as the JVM exits.
     */
    public static synchronized SharedPostgres get() throws IOException {
        if (ofThisJvm == null) {
            ofThisJvm = start();
        }
        return ofThisJvm;
    }

    /** A new, empty database; returns its JDBC URL (user {@code postgres}, given in the URL). */
    public String newDatabase() throws SQLException {
        String name = "test" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** A new, empty database, as {@link #newDatabase()} makes it, to connect to as user {@code postgres}. */
    public DataSource newDataSource() throws SQLException {
        return dataSource(newDatabase());
    }

    /** The database at {@code jdbcUrl}, as user {@code postgres}. */
    public static DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(jdbcUrl);
        database.setUser("postgres");
        return database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
