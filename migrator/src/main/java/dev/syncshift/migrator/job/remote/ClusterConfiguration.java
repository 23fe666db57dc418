package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.ClusterRateLimiter;
import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.config.RequestRateLimiter;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.config.EnableIntegration;

/**
 * What a manager and its workers share: the schema in the job repository (created before anything uses it), the
 * heartbeats, and the cluster-wide rate limits that replace the single process's.
 */
@Configuration(proxyBeanMethods = false)
@Profile({"manager", "worker"})
@EnableIntegration
@EnableConfigurationProperties(ClusterSettings.class)
public class ClusterConfiguration {

    @Bean
    static ClusterSchema clusterSchema() {
        return new ClusterSchema();
    }

    @Bean
    Heartbeats heartbeats(DataSource dataSource) {
        return new Heartbeats(dataSource);
    }

    @Bean
    RequestRateLimiter rateLimiter(DataSource dataSource, MigratorSettings settings) {
        return new ClusterRateLimiter(dataSource, settings.rateLimits());
    }
}
