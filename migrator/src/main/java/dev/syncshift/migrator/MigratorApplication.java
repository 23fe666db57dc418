package dev.syncshift.migrator;

import dev.syncshift.migrator.config.MigratorSettings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Spring Boot application behind the {@code migrate} and {@code verify} commands: Spring Batch with a JDBC job
 * repository, the SDK clients and the migration job. Started by {@link dev.syncshift.migrator.cli.MigratorCli}, which
 * turns the command line into {@code syncshift.migrator.*} properties; it runs no job by itself.
 */
@SpringBootApplication
@EnableConfigurationProperties(MigratorSettings.class)
public class MigratorApplication {
}
