package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.Durations;
import dev.syncshift.migrator.config.InvalidSetting;
import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.job.RunLauncher;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a manager and its workers find each other and tell a lost process from a slow one, bound from
 * {@code syncshift.migrator.cluster.*} (the command line's {@code --role}, {@code --transport}, {@code --broker-url},
 * {@code --lost-after}; in a container, {@code SYNCSHIFT_MIGRATOR_CLUSTER_*} variables).
 *
 * @param transport how partition requests travel: {@code jdbc} (a table in the job repository, workers notified by
 *     PostgreSQL's LISTEN/NOTIFY) or {@code jms} (a queue on an ActiveMQ Artemis broker)
 * @param brokerUrl the Artemis broker, e.g. {@code tcp://broker:61616}, when the transport is {@code jms}
 * @param queue the prefix of the partition requests' queues (or channel groups): one per pool, table, mode and the
 *     stores' regions and endpoints, so a worker only ever takes partitions of the runs it was started for
 * @param heartbeat how often a manager and each worker's partitions record that they are alive
 * @param lostAfter how long without a heartbeat before a partition's worker (or the manager) counts as dead: its
 *     partition then fails and the run fails cleanly, to be continued by the same command
 * @param pollInterval how often the manager reads the job repository for partitions that ended, and a worker's free
 *     partition threads look for requests no notification told them of; short, because a run waits for it at its
 *     start and its end (one small query each time)
 */
@ConfigurationProperties("syncshift.migrator.cluster")
public record ClusterSettings(
        @DefaultValue("jdbc") String transport,
        @Nullable String brokerUrl,
        @DefaultValue("syncshift-partitions") String queue,
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("60s") Duration lostAfter,
        @DefaultValue("200ms") Duration pollInterval) {

    /**
     * The queue of the requests for runs of {@code settings}' pool, table and mode (dry run included) on
     * {@code stores}: a worker given another table, or the same table's name in another region or at another
     * endpoint, never takes a run's partitions, where it would copy them into its own store while the manager
     * reported the run complete. The stores are named by a hash, which keeps the name within what a broker takes.
     */
    public String queueOf(MigratorSettings settings, RunStores stores) {
        return queue + "." + settings.identityPoolId().replaceAll("[^A-Za-z0-9]", "-") + "." + settings.table() + "."
                + RunLauncher.mode(settings) + "." + stores.hash();
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the setting ({@link InvalidSetting} when it is one setting's value)
     */
    public ClusterSettings {
        if (!transport.equals("jdbc") && !transport.equals("jms")) {
            throw new InvalidSetting("cluster.transport", "--transport", " takes jdbc or jms, not '" + transport + "'");
        }
        if (transport.equals("jms") && (brokerUrl == null || brokerUrl.isBlank())) {
            throw new IllegalArgumentException("the jms transport needs a broker URL (--broker-url tcp://HOST:61616, "
                    + "or SYNCSHIFT_MIGRATOR_CLUSTER_BROKER_URL)");
        }
        if (lostAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new InvalidSetting("cluster.lost-after", "--lost-after", " (" + Durations.shown(lostAfter)
                    + ") must be at least twice the heartbeat (" + Durations.shown(heartbeat) + ")");
        }
    }
}
