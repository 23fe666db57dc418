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
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
    RunStores runStores(DynamoDbClient dynamoDb, CognitoIdentityClient identity, CognitoSyncClient sync) {
        return RunStores.of(dynamoDb, identity, sync);
    }

    @Bean
    RequestRateLimiter rateLimiter(DataSource dataSource, MigratorSettings settings) {
        return new ClusterRateLimiter(dataSource, settings.rateLimits());
    }
}
