package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.migrator.config.MigratorSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The cluster's settings refuse what cannot work, in words; requests survive the broker's text form. */
class ClusterSettingsTest {

    @Test
    void theJmsTransportNeedsABroker() {
        assertThatThrownBy(() -> settings("jms", null, "5s", "60s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the jms transport needs a broker URL (--broker-url tcp://HOST:61616, or "
                        + "SYNCSHIFT_MIGRATOR_CLUSTER_BROKER_URL)");
    }

    @Test
    void aWorkerCountsAsLostOnlyAfterTwoMissedHeartbeats() {
        assertThatThrownBy(() -> settings("jdbc", null, "5s", "9s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--lost-after (9s) must be at least twice the heartbeat (5s)");
    }

    @Test
    void eachPoolTableAndModeHasItsOwnQueue() {
        ClusterSettings cluster = settings("jdbc", null, "5s", "60s");
        Map<String, String> pool = Map.of("identity-pool-id", "us-east-1:0a1b2c3d-0000-4000-8000-000000000001",
                "table", "syncshift-store");
        Map<String, String> delta = new HashMap<>(pool);
        delta.put("mode", "delta");
        delta.put("dry-run", "true");

        Map<String, String> staging = new HashMap<>(pool);
        staging.put("table", "syncshift-staging");

        assertThat(cluster.queueOf(bind(pool))).isEqualTo(
                "syncshift-partitions.us-east-1-0a1b2c3d-0000-4000-8000-000000000001.syncshift-store.full");
        assertThat(cluster.queueOf(bind(delta))).isEqualTo(
                "syncshift-partitions.us-east-1-0a1b2c3d-0000-4000-8000-000000000001.syncshift-store.delta-dry-run");
        assertThat(cluster.queueOf(bind(staging))).isEqualTo(
                "syncshift-partitions.us-east-1-0a1b2c3d-0000-4000-8000-000000000001.syncshift-staging.full");
    }

    @Test
    void aRequestCrossesTheBrokerAsText() {
        StepExecutionRequest request = new StepExecutionRequest("copyPartition", 42L);

        StepExecutionRequest back = RequestCodec.decode(RequestCodec.encode(request));

        assertThat(RequestCodec.encode(request)).isEqualTo("copyPartition/42");
        assertThat(back.getStepName()).isEqualTo("copyPartition");
        assertThat(back.getStepExecutionId()).isEqualTo(42L);
        assertThatThrownBy(() -> RequestCodec.decode("hello")).hasMessage("not a partition request: hello");
    }

    /** Binds {@code properties} ({@code syncshift.migrator.*} names without the prefix) as the application does. */
    private static MigratorSettings bind(Map<String, String> properties) {
        Map<String, String> prefixed = new HashMap<>();
        properties.forEach((name, value) -> prefixed.put("syncshift.migrator." + name, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("syncshift.migrator", MigratorSettings.class);
    }

    private static ClusterSettings settings(String transport, String broker, String heartbeat, String lostAfter) {
        return new ClusterSettings(transport, broker, "syncshift-partitions", Duration.parse("PT" + heartbeat),
                Duration.parse("PT" + lostAfter), Duration.ofSeconds(1));
    }
}
