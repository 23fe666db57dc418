package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import dev.syncshift.migrator.LocalAws;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The migrator against containers instead of embedded parts: a real PostgreSQL job repository and AWS's own
 * {@code amazon/dynamodb-local} image. Skips (reported as skipped) where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersIT {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16-alpine");

    @Container
    static final GenericContainer<?> DYNAMODB = new GenericContainer<>("amazon/dynamodb-local:2.6.1")
            .withExposedPorts(8000).withCommand("-jar DynamoDBLocal.jar -inMemory -sharedDb");

    @TempDir
    Path work;

    @Test
    void migratesIntoDynamoDbLocalsImageWithAPostgresJobRepository() {
        URI dynamoDb = URI.create("http://" + DYNAMODB.getHost() + ":" + DYNAMODB.getMappedPort(8000));
        System.setProperty("spring.datasource.url", POSTGRES.getJdbcUrl());
        System.setProperty("spring.datasource.username", POSTGRES.getUsername());
        System.setProperty("spring.datasource.password", POSTGRES.getPassword());
        try (CognitoSyncEmulator cognito = CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder()
                .generate(20).identityPoolId(LocalAws.POOL.value()).seed(3).build())) {
            Cli.Result result = Cli.run("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table",
                    "syncshift-store", "--create-table", "--cognito-endpoint", cognito.endpoint().toString(),
                    "--dynamodb-endpoint", dynamoDb.toString(), "--region", "us-east-1", "--work-dir",
                    work.toString(), "--progress", "off");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("identities                   20");
        } finally {
            System.clearProperty("spring.datasource.url");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("spring.datasource.password");
        }
    }
}
