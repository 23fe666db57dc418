package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.migrator.config.MigratorSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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

        RunStores aws = stores("us-east-1", null, null);

        assertThat(cluster.queueOf(bind(pool), aws)).isEqualTo("syncshift-partitions.us-east-1-0a1b2c3d-0000-4000-"
                + "8000-000000000001.syncshift-store.full." + aws.hash());
        assertThat(cluster.queueOf(bind(delta), aws)).isEqualTo("syncshift-partitions.us-east-1-0a1b2c3d-0000-4000-"
                + "8000-000000000001.syncshift-store.delta-dry-run." + aws.hash());
        assertThat(cluster.queueOf(bind(staging), aws)).isEqualTo("syncshift-partitions.us-east-1-0a1b2c3d-0000-4000-"
                + "8000-000000000001.syncshift-staging.full." + aws.hash());
    }

    @Test
    void theSameTableInAnotherRegionOrAtAnotherEndpointHasItsOwnQueue() {
        ClusterSettings cluster = settings("jdbc", null, "5s", "60s");
        MigratorSettings pool = bind(Map.of("identity-pool-id", "us-east-1:0a1b2c3d-0000-4000-8000-000000000001",
                "table", "syncshift-store"));
        String local = "http://localhost:8000";
        String far = "http://" + ("d".repeat(60) + ".").repeat(4) + "example:8000/a.b*c";

        List<String> queues = Stream.of(stores("us-east-1", null, null), stores("eu-west-1", null, null),
                stores("us-east-1", local, null), stores("us-east-1", "http://localhost:8001", null),
                stores("us-east-1", local, "http://localhost:9000"), stores("us-east-1", far, far))
                .map(stores -> cluster.queueOf(pool, stores)).toList();

        assertThat(queues).doesNotHaveDuplicates().allSatisfy(queue -> assertThat(queue).matches(
                "syncshift-partitions\\.us-east-1-0a1b2c3d-0000-4000-8000-000000000001\\.syncshift-store\\.full"
                        + "\\.[0-9a-f]{16}"));
        assertThat(cluster.queueOf(pool, stores("eu-west-1", local, null)))
                .isEqualTo(cluster.queueOf(pool, stores("eu-west-1", local, null)));
        assertThat(stores("eu-west-1", local, null).described()).isEqualTo("DynamoDB eu-west-1 at "
                + "http://localhost:8000, Cognito Identity us-east-1 at AWS's endpoint, Cognito Sync us-east-1 at "
                + "AWS's endpoint");
    }

    /**
     * A manager and its workers started with one endpoint spelled two ways (a host's case, its default port, a
     * trailing slash, or the loopback by name and by address) call the same store, so they share a queue; a worker
     * otherwise took nothing and the manager waited and warned.
     */
    @Test
    void spellingsOfOneEndpointShareAQueue() {
        ClusterSettings cluster = settings("jdbc", null, "5s", "60s");
        MigratorSettings pool = bind(Map.of("identity-pool-id", "us-east-1:0a1b2c3d-0000-4000-8000-000000000001",
                "table", "syncshift-store"));

        List<String> loopback = Stream.of("http://localhost:8000", "http://127.0.0.1:8000", "HTTP://LocalHost:8000/",
                "http://[::1]:8000").map(endpoint -> cluster.queueOf(pool, stores("us-east-1", endpoint, endpoint)))
                .toList();
        List<String> named = Stream.of("https://dynamodb.example.com", "https://DynamoDB.Example.com:443/",
                "https://dynamodb.example.com:443").map(endpoint -> cluster.queueOf(pool,
                        stores("us-east-1", endpoint, null))).toList();
        List<String> others = Stream.of("http://localhost:8000", "http://localhost:8001", "https://localhost:8000",
                "http://localhost:8000/prefix", "http://127.0.0.2:8000", "https://dynamodb.example.com:8443",
                "http://dynamodb.example.com").map(endpoint -> cluster.queueOf(pool,
                        stores("us-east-1", endpoint, null))).toList();

        assertThat(loopback).containsOnly(loopback.get(0));
        assertThat(named).containsOnly(named.get(0));
        assertThat(others).doesNotHaveDuplicates();
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

    /** The stores of a process whose table is in {@code region}, the endpoints null where AWS's. */
    private static RunStores stores(String region, @Nullable String dynamoDb, @Nullable String cognito) {
        try (DynamoDbClient table = client(DynamoDbClient.builder(), Region.of(region), dynamoDb);
                CognitoIdentityClient identity = client(CognitoIdentityClient.builder(), Region.US_EAST_1, cognito);
                CognitoSyncClient sync = client(CognitoSyncClient.builder(), Region.US_EAST_1, cognito)) {
            return RunStores.of(table, identity, sync);
        }
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, Region region,
            @Nullable String endpoint) {
        builder.region(region).credentialsProvider(AnonymousCredentialsProvider.create());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private static ClusterSettings settings(String transport, String broker, String heartbeat, String lostAfter) {
        return new ClusterSettings(transport, broker, "syncshift-partitions", Duration.parse("PT" + heartbeat),
                Duration.parse("PT" + lostAfter), Duration.ofSeconds(1));
    }
}
