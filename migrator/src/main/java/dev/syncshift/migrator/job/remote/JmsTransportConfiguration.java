package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.MigratorSettings;
import java.util.Objects;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

/**
 * The broker transport: partition requests on a JMS queue of an ActiveMQ Artemis broker, as plain text (no Java
 * serialization from the broker). Consumers prefetch nothing ({@code consumerWindowSize=0}), so a busy worker never
 * holds requests a free one could run; each worker listens with one consumer per partition thread.
 */
@Configuration(proxyBeanMethods = false)
@Profile({"manager", "worker"})
@ConditionalOnProperty(name = "syncshift.migrator.cluster.transport", havingValue = "jms")
public class JmsTransportConfiguration {

    @Bean(destroyMethod = "close")
    ActiveMQConnectionFactory partitionBroker(ClusterSettings cluster) {
        String url = Objects.requireNonNull(cluster.brokerUrl());
        return new ActiveMQConnectionFactory(url + (url.contains("?") ? "&" : "?") + "consumerWindowSize=0");
    }

    @Bean
    @Profile("manager")
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    @Profile("manager")
    IntegrationFlow requestsToBroker(@Qualifier("partitionRequests") DirectChannel partitionRequests,
            ActiveMQConnectionFactory partitionBroker, ClusterSettings cluster, MigratorSettings settings,
            RunStores stores) {
        return IntegrationFlow.from(partitionRequests).transform(RequestCodec::encode)
                .handle(Jms.outboundAdapter(partitionBroker).destination(cluster.queueOf(settings, stores))).get();
    }

    @Bean
    @Profile("worker")
    DirectChannel partitionRequestsIn() {
        return new DirectChannel();
    }

    @Bean
    @Profile("worker")
    IntegrationFlow requestsFromBroker(ActiveMQConnectionFactory partitionBroker, ClusterSettings cluster,
            MigratorSettings settings, RunStores stores,
            @Qualifier("partitionRequestsIn") DirectChannel partitionRequestsIn) {
        return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(partitionBroker)
                        .destination(cluster.queueOf(settings, stores))
                        .configureListenerContainer(container -> container.concurrentConsumers(settings.threads())
                                .maxConcurrentConsumers(settings.threads())))
                .transform(String.class, RequestCodec::decode).channel(partitionRequestsIn).get();
    }
}
