package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoStreams;
import software.amazon.awssdk.services.cognitosync.model.GetIdentityPoolConfigurationResponse;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.PushSync;
import software.amazon.awssdk.services.cognitosync.model.SetCognitoEventsRequest;
import software.amazon.awssdk.services.cognitosync.model.SetIdentityPoolConfigurationRequest;
import software.amazon.awssdk.services.cognitosync.model.SetIdentityPoolConfigurationResponse;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/** Get/SetIdentityPoolConfiguration and Get/SetCognitoEvents through the real SDK. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class PoolConfigurationTest {

    static final String GCM_APP = "arn:aws:sns:us-east-1:123456789012:app/GCM/my-app";
    static final String APNS_APP = "arn:aws:sns:us-east-1:123456789012:app/APNS/my-app";
    static final String ROLE = "arn:aws:iam::123456789012:role/CognitoSync";
    static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:trigger";

    private final CognitoSyncClient sync;
    private final CognitoIdentityClient identity;

    PoolConfigurationTest(CognitoSyncClient sync, CognitoIdentityClient identity) {
        this.sync = sync;
        this.identity = identity;
    }

    @Test
    void aPoolStartsUnconfigured() {
        String pool = Pools.newPool(identity);

        GetIdentityPoolConfigurationResponse configuration = get(pool);

        assertThat(configuration.identityPoolId()).isEqualTo(pool);
        assertThat(configuration.pushSync()).isNull();
        assertThat(configuration.cognitoStreams()).isNull();
        assertThat(sync.getCognitoEvents(r -> r.identityPoolId(pool)).events()).isEmpty();
    }

    @Test
    void setReturnsAndKeepsTheConfiguration() {
        String pool = Pools.newPool(identity);

        SetIdentityPoolConfigurationResponse set = sync.setIdentityPoolConfiguration(r -> r.identityPoolId(pool)
                .pushSync(p -> p.applicationArns(GCM_APP, APNS_APP).roleArn(ROLE))
                .cognitoStreams(s -> s.streamName("updates").roleArn(ROLE).streamingStatus(StreamingStatus.ENABLED)));

        assertThat(set.identityPoolId()).isEqualTo(pool);
        assertThat(set.pushSync()).isEqualTo(PushSync.builder().applicationArns(GCM_APP, APNS_APP).roleArn(ROLE)
                .build());
        assertThat(set.cognitoStreams()).isEqualTo(CognitoStreams.builder().streamName("updates").roleArn(ROLE)
                .streamingStatus(StreamingStatus.ENABLED).build());
        GetIdentityPoolConfigurationResponse got = get(pool);
        assertThat(got.pushSync()).isEqualTo(set.pushSync());
        assertThat(got.cognitoStreams()).isEqualTo(set.cognitoStreams());
    }

    @Test
    void aMemberLeftOutKeepsItsValue() {
        String pool = Pools.newPool(identity);
        sync.setIdentityPoolConfiguration(r -> r.identityPoolId(pool).pushSync(p -> p.applicationArns(GCM_APP)));

        sync.setIdentityPoolConfiguration(r -> r.identityPoolId(pool)
                .cognitoStreams(s -> s.streamName("updates").streamingStatus(StreamingStatus.DISABLED)));

        GetIdentityPoolConfigurationResponse got = get(pool);
        assertThat(got.pushSync().applicationArns()).containsExactly(GCM_APP);
        assertThat(got.cognitoStreams().streamName()).isEqualTo("updates");
        assertThat(got.cognitoStreams().streamingStatus()).isEqualTo(StreamingStatus.DISABLED);
    }

    @Test
    void eventsAreSetAndRemovedByAnEmptyFunction() {
        String pool = Pools.newPool(identity);

        sync.setCognitoEvents(r -> r.identityPoolId(pool).events(Map.of("SyncTrigger", LAMBDA)));
        Map<String, String> set = sync.getCognitoEvents(r -> r.identityPoolId(pool)).events();
        sync.setCognitoEvents(r -> r.identityPoolId(pool).events(Map.of("SyncTrigger", "")));

        assertThat(set).containsExactly(Map.entry("SyncTrigger", LAMBDA));
        assertThat(sync.getCognitoEvents(r -> r.identityPoolId(pool)).events()).isEmpty();
    }

    record Scenario(String name, Consumer<SetIdentityPoolConfigurationRequest.Builder> configuration,
            Consumer<SetCognitoEventsRequest.Builder> events, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> invalidSettings() {
        String prefix = "1 validation error detected: Value ";
        return Stream.of(
                config("application ARN of a lower-case platform",
                        r -> r.pushSync(p -> p.applicationArns(GCM_APP, "arn:aws:sns:us-east-1:1:app/gcm/x")),
                        prefix + "'arn:aws:sns:us-east-1:1:app/gcm/x' at 'pushSync.applicationArns.2.member' failed "
                                + "to satisfy constraint: Member must satisfy regular expression pattern: "
                                + "arn:aws:sns:[-0-9a-z]+:\\d+:app/[A-Z_]+/[a-zA-Z0-9_.-]+"),
                config("push role ARN too short", r -> r.pushSync(p -> p.roleArn("arn:aws:iam::1:r")),
                        prefix + "'arn:aws:iam::1:r' at 'pushSync.roleArn' failed to satisfy constraint: Member must "
                                + "have length greater than or equal to 20"),
                config("push role ARN of a user", r -> r.pushSync(p -> p.roleArn("arn:aws:iam::123456789012:user/x")),
                        prefix + "'arn:aws:iam::123456789012:user/x' at 'pushSync.roleArn' failed to satisfy "
                                + "constraint: Member must satisfy regular expression pattern: "
                                + "arn:aws:iam::\\d+:role/.*"),
                config("empty stream name", r -> r.cognitoStreams(s -> s.streamName("")),
                        prefix + "'' at 'cognitoStreams.streamName' failed to satisfy constraint: Member must have "
                                + "length greater than or equal to 1"),
                config("stream name of 129 characters", r -> r.cognitoStreams(s -> s.streamName("s".repeat(129))),
                        prefix + "'" + "s".repeat(129) + "' at 'cognitoStreams.streamName' failed to satisfy "
                                + "constraint: Member must have length less than or equal to 128"),
                config("unknown streaming status", r -> r.cognitoStreams(s -> s.streamName("x").streamingStatus("ON")),
                        prefix + "'ON' at 'cognitoStreams.streamingStatus' failed to satisfy constraint: Member "
                                + "must satisfy enum value set: [ENABLED, DISABLED]"),
                config("streaming enabled without a role", r -> r.cognitoStreams(s -> s.streamName("x")
                                .streamingStatus(StreamingStatus.ENABLED)),
                        prefix + "null at 'cognitoStreams.roleArn' failed to satisfy constraint: Member must not "
                                + "be null"),
                config("streaming enabled without a stream", r -> r.cognitoStreams(s -> s.roleArn(ROLE)
                                .streamingStatus(StreamingStatus.ENABLED)),
                        prefix + "null at 'cognitoStreams.streamName' failed to satisfy constraint: Member must "
                                + "not be null"),
                events("no events", r -> { },
                        prefix + "null at 'events' failed to satisfy constraint: Member must not be null"),
                events("two events", r -> r.events(twoEvents()),
                        prefix + "'{SyncTrigger=" + LAMBDA + ", Other=" + LAMBDA + "}' at 'events' failed to satisfy "
                                + "constraint: Member must have length less than or equal to 1"),
                events("unknown event type", r -> r.events(Map.of("Other", LAMBDA)),
                        prefix + "'{Other=" + LAMBDA + "}' at 'events' failed to satisfy constraint: Map keys must "
                                + "satisfy constraint: [Member must satisfy enum value set: [SyncTrigger]]"));
    }

    @ParameterizedTest
    @MethodSource("invalidSettings")
    void anInvalidSettingIsRefusedAndChangesNothing(Scenario scenario) {
        String pool = Pools.newPool(identity);
        sync.setIdentityPoolConfiguration(r -> r.identityPoolId(pool).pushSync(p -> p.applicationArns(APNS_APP))
                .cognitoStreams(s -> s.streamName("before").roleArn(ROLE).streamingStatus(StreamingStatus.ENABLED)));
        sync.setCognitoEvents(r -> r.identityPoolId(pool).events(Map.of("SyncTrigger", LAMBDA)));
        GetIdentityPoolConfigurationResponse before = get(pool);

        assertThatThrownBy(() -> {
            if (scenario.configuration() != null) {
                sync.setIdentityPoolConfiguration(r -> scenario.configuration().accept(r.identityPoolId(pool)));
            } else {
                sync.setCognitoEvents(r -> scenario.events().accept(r.identityPoolId(pool)));
            }
        }).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(scenario.message());
        });

        GetIdentityPoolConfigurationResponse after = get(pool);
        assertThat(after.pushSync()).isEqualTo(before.pushSync());
        assertThat(after.cognitoStreams()).isEqualTo(before.cognitoStreams());
        assertThat(sync.getCognitoEvents(r -> r.identityPoolId(pool)).events())
                .containsExactly(Map.entry("SyncTrigger", LAMBDA));
    }

    private static Scenario config(String name, Consumer<SetIdentityPoolConfigurationRequest.Builder> call,
            String message) {
        return new Scenario(name, call, null, message);
    }

    private static Scenario events(String name, Consumer<SetCognitoEventsRequest.Builder> call, String message) {
        return new Scenario(name, null, call, message);
    }

    private static Map<String, String> twoEvents() {
        Map<String, String> events = new LinkedHashMap<>();
        events.put("SyncTrigger", LAMBDA);
        events.put("Other", LAMBDA);
        return events;
    }

    private GetIdentityPoolConfigurationResponse get(String pool) {
        return sync.getIdentityPoolConfiguration(r -> r.identityPoolId(pool));
    }
}
