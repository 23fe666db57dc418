package dev.syncshift.migrator.job.remote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates what a cluster shares in the job repository (Spring Batch's tables, the migrator's, the heartbeats, the
 * rate buckets and the request channel) as soon as the data source exists, before anything uses it. A manager and
 * workers often start together: each process takes a PostgreSQL advisory lock first, so only one creates and the
 * others find everything in place.
 */
final class ClusterSchema implements BeanPostProcessor {

    private static final long LOCK = 0x5359_4E43_5348_4946L;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            create(dataSource);
        }
        return bean;
    }

    /** Creates the schema in {@code dataSource} where it is missing. */
    static void create(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                if (!exists(statement, "batch_job_instance")) {
                    run(connection, "org/springframework/batch/core/schema-postgresql.sql");
                }
                run(connection, "dev/syncshift/migrator/job/schema.sql");
                run(connection, "dev/syncshift/migrator/job/remote/schema-cluster-postgresql.sql");
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the shared job repository (a manager and its workers need "
                    + "PostgreSQL): " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement statement, String table) throws SQLException {
        try (ResultSet found = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            return found.next() && found.getBoolean(1);
        }
    }

    private static void run(Connection connection, String script) {
        ScriptUtils.executeSqlScript(connection, new ClassPathResource(script));
    }
}
