package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.job.MigrationJobConfiguration;
import dev.syncshift.migrator.job.RunTables;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.MessageChannel;

/**
 * The manager's {@code copy} step: the same partitions as on one machine (fixed by the run's first start, one per
 * {@code threads}), each sent as a request to whichever worker takes it; the step then polls the job repository
 * until every partition ended, while {@link ManagerWatch} fails the partitions whose worker died.
 */
@Configuration(proxyBeanMethods = false)
@Profile("manager")
public class RemoteManagerConfiguration {

    @Bean
    RemotePartitioningManagerStepBuilderFactory managerStepBuilderFactory(JobRepository repository) {
        return new RemotePartitioningManagerStepBuilderFactory(repository);
    }

    @Bean
    ManagerWatch managerWatch(Heartbeats heartbeats, JobRepository repository, ClusterSettings cluster,
            RunStores stores) {
        return new ManagerWatch(heartbeats, repository, cluster, stores);
    }

    @Bean
    @JobScope
    Step copyStep(RemotePartitioningManagerStepBuilderFactory managers, RunTables tables, MigratorSettings settings,
            ClusterSettings cluster, @Qualifier("partitionRequests") MessageChannel requests, ManagerWatch watch,
            @Value("#{jobExecution}") JobExecution job) {
        int partitions = tables.partitions(job.getJobInstance().getInstanceId(), settings.threads());
        return managers.get("copy")
                .partitioner(MigrationJobConfiguration.WORKER,
                        grid -> MigrationJobConfiguration.partitionContexts(partitions))
                .gridSize(partitions).outputChannel(requests).pollInterval(cluster.pollInterval().toMillis())
                .listener(watch).build();
    }
}
