package dev.syncshift.migrator.job.remote;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The cluster against a real PostgreSQL server and a real ActiveMQ Artemis broker in containers; skipped where there
 * is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class RemotePartitioningContainersIT extends ClusterScenario {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine")
            .withUsername("postgres").withPassword("postgres");

    @Container
    static final GenericContainer<?> ARTEMIS = new GenericContainer<>("apache/activemq-artemis:2.43.0-alpine")
            .withEnv("ANONYMOUS_LOGIN", "true").withExposedPorts(61616);

    static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    String newDatabase() throws Exception {
        String name = "cluster" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(POSTGRES.getJdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://" + POSTGRES.getHost() + ":" + POSTGRES.getMappedPort(5432) + "/" + name;
    }

    @Test
    void overRealPostgresAndARealBrokerTheRunIsExact() throws Exception {
        assertTwoWorkersCopyExactly("--transport", "jms", "--broker-url",
                "tcp://" + ARTEMIS.getHost() + ":" + ARTEMIS.getMappedPort(61616));
    }

    @Test
    void overRealPostgresTheDefaultTransportIsExact() throws Exception {
        assertTwoWorkersCopyExactly();
    }
}
