package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.CallStats;
import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.job.MigrationJobConfiguration;
import dev.syncshift.migrator.source.ListedIdentity;
import dev.syncshift.migrator.target.IdentityMigrator;
import dev.syncshift.migrator.target.IdentityOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A worker: takes partition requests from the transport ({@code partitionRequestsIn}), keeps only those no worker
 * has started yet (a broker may deliver a request twice; the job repository decides), and runs each as the
 * {@code copyPartition} step (the same chunks as on one machine), beating while it runs.
 */
@Configuration(proxyBeanMethods = false)
@Profile("worker")
public class RemoteWorkerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteWorkerConfiguration.class);

    @Bean
    RemotePartitioningWorkerStepBuilderFactory workerStepBuilderFactory(JobRepository repository) {
        return new RemotePartitioningWorkerStepBuilderFactory(repository);
    }

    @Bean(destroyMethod = "close")
    WorkerWatch workerWatch(Heartbeats heartbeats, ClusterSettings cluster, CallStats calls) {
        return new WorkerWatch(heartbeats, cluster, calls);
    }

    @Bean
    DirectChannel claimedRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow claimRequests(@Qualifier("partitionRequestsIn") SubscribableChannel requests,
            DirectChannel claimedRequests, JobRepository repository) {
        return IntegrationFlow.from(requests)
                .filter(StepExecutionRequest.class, request -> notStarted(repository, request))
                .channel(claimedRequests).get();
    }

    @Bean(MigrationJobConfiguration.WORKER)
    Step workerCopyPartitionStep(RemotePartitioningWorkerStepBuilderFactory workers, DirectChannel claimedRequests,
            WorkerWatch watch, PlatformTransactionManager transactions,
            ItemStreamReader<ListedIdentity> manifestReader, ItemStreamWriter<IdentityOutcome> outcomeWriter,
            IdentityMigrator migrator, MigratorSettings settings, ObservationRegistry observations) {
        return MigrationJobConfiguration.copyPartition(
                workers.get(MigrationJobConfiguration.WORKER).inputChannel(claimedRequests).listener(watch),
                transactions, manifestReader, outcomeWriter, migrator, settings, observations);
    }

    private static boolean notStarted(JobRepository repository, StepExecutionRequest request) {
        StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
        if (partition == null || partition.getStatus() != BatchStatus.STARTING) {
            LOG.info("Dropping a request for partition {} ({}): it is not waiting for a worker",
                    request.getStepExecutionId(), partition == null ? "unknown" : partition.getStatus());
            return false;
        }
        return true;
    }
}
