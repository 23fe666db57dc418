package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.MigratorSettings;
import java.sql.DriverManager;
import javax.sql.DataSource;
import org.postgresql.jdbc.PgConnection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.channel.PostgresChannelMessageTableSubscriber;
import org.springframework.integration.jdbc.channel.PostgresSubscribableChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The default transport: partition requests are rows of INT_CHANNEL_MESSAGE in the job repository itself. The
 * manager inserts them; a trigger notifies workers (PostgreSQL LISTEN/NOTIFY, one dedicated connection per worker),
 * and a worker with a free partition thread takes the oldest row ({@code DELETE ... FOR UPDATE SKIP LOCKED}), so a
 * request goes to exactly one worker and waits in the table while every worker is busy.
 */
@Configuration(proxyBeanMethods = false)
@Profile({"manager", "worker"})
@ConditionalOnProperty(name = "syncshift.migrator.cluster.transport", havingValue = "jdbc", matchIfMissing = true)
public class JdbcTransportConfiguration {

    static final String REGION = "syncshift";

    @Bean
    JdbcChannelMessageStore partitionRequestStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(REGION);
        store.addAllowedPatterns("java.util.*", "java.lang.*", "org.springframework.messaging.*",
                "org.springframework.batch.integration.partition.StepExecutionRequest");
        return store;
    }

    @Bean
    @Profile("manager")
    QueueChannel partitionRequests(JdbcChannelMessageStore store, ClusterSettings cluster,
            MigratorSettings settings, RunStores stores) {
        return new QueueChannel(new MessageGroupQueue(store, cluster.queueOf(settings, stores)));
    }

    @Bean
    @Profile("worker")
    PostgresChannelMessageTableSubscriber partitionRequestNotifications(Environment environment) {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String user = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        return new PostgresChannelMessageTableSubscriber(
                () -> DriverManager.getConnection(url, user, password).unwrap(PgConnection.class));
    }

    @Bean(destroyMethod = "shutdown")
    @Profile("worker")
    ThreadPoolTaskExecutor partitionThreads(MigratorSettings settings) {
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(settings.threads());
        threads.setMaxPoolSize(settings.threads());
        threads.setThreadNamePrefix("syncshift-partition-");
        threads.initialize();
        return threads;
    }

    @Bean
    @Profile("worker")
    PostgresSubscribableChannel partitionRequestsIn(JdbcChannelMessageStore store,
            PostgresChannelMessageTableSubscriber notifications, ThreadPoolTaskExecutor partitionThreads,
            ClusterSettings cluster, MigratorSettings settings, RunStores stores) {
        PostgresSubscribableChannel channel = new PostgresSubscribableChannel(store, cluster.queueOf(settings, stores),
                notifications);
        channel.setDispatcherExecutor(partitionThreads);
        return channel;
    }

    @Bean(destroyMethod = "close")
    @Profile("worker")
    FreeThreadNudger freeThreadNudger(PostgresSubscribableChannel partitionRequestsIn,
            ThreadPoolTaskExecutor partitionThreads, ClusterSettings cluster) {
        return new FreeThreadNudger(partitionRequestsIn, partitionThreads, cluster.pollInterval());
    }
}
