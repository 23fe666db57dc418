package dev.syncshift.migrator.job.remote;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** An embedded PostgreSQL (real binaries, no Docker) handing out a fresh database per test. Closing stops it. */
final class SharedPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private SharedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static SharedPostgres start() throws IOException {
        return new SharedPostgres(EmbeddedPostgres.builder().start());
    }

    /** A new, empty database; returns its JDBC URL (user {@code postgres}). */
    String newDatabase() throws SQLException {
        String name = "cluster" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
