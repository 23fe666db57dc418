package dev.syncshift.migrator.job.remote;

import java.net.ServerSocket;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker transport: partition requests on a queue of an embedded ActiveMQ Artemis broker (TCP on loopback). */
class RemotePartitioningJmsTest extends PostgresClusterScenario {

    static EmbeddedActiveMQ broker;
    static String brokerUrl;

    @BeforeAll
    static void startBroker() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        brokerUrl = "tcp://127.0.0.1:" + port;
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
                .setSecurityEnabled(false).addAcceptorConfiguration("tcp", brokerUrl)).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    @Test
    void aManagerAndTwoWorkersOverABrokerCopyThePoolExactly() throws Exception {
        assertTwoWorkersCopyExactly("--transport", "jms", "--broker-url", brokerUrl);
    }
}
