package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.PoolConfigurationTest.GCM_APP;
import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.BulkPublishStatus;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.InvalidConfigurationException;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitosync.model.Platform;
import software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException;

/**
 * Every way the usage, configuration, push sync and bulk publish operations are refused, as the SDK user sees it:
 * credential restrictions, unknown resources, constraint violations and missing configuration.
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class PoolOperationRefusalsTest {

    private static final String NO_POOL = "us-east-1:00000000-0000-4000-8000-000000000000";
    private static final String NO_IDENTITY = "us-east-1:00000000-0000-4000-8000-0000000000ff";
    private static final String DEVELOPER_ONLY = "This operation requires developer credentials.";
    private static final String COGNITO_ONLY = "This operation requires Cognito credentials.";

    private final CognitoSyncClient developer;
    private final CognitoIdentityClient identity;
    private final CognitoSyncEmulator emulator;

    PoolOperationRefusalsTest(CognitoSyncClient developer, CognitoIdentityClient identity,
            CognitoSyncEmulator emulator) {
        this.developer = developer;
        this.identity = identity;
        this.emulator = emulator;
    }

    /** A pool with push sync for GCM, an identity with dataset {@code prefs} and a GCM device, and a stranger. */
    record Given(CognitoSyncClient developer, CognitoSyncClient device, CognitoSyncClient stranger, String pool,
            String identityId, String deviceId) {
    }

    record Scenario(String name, Consumer<Given> call, Class<? extends CognitoSyncException> type, int status,
            Function<Given, String> message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> refusals() {
        return Stream.of(credentialRefusals(), unknownResources(), invalidInputs(), missingConfiguration())
                .flatMap(scenarios -> scenarios);
    }

    static Stream<Scenario> credentialRefusals() {
        return Stream.of(
                developerOnly("DescribeIdentityPoolUsage", g -> g.device().describeIdentityPoolUsage(
                        r -> r.identityPoolId(g.pool()))),
                developerOnly("ListIdentityPoolUsage", g -> g.device().listIdentityPoolUsage(r -> { })),
                developerOnly("GetIdentityPoolConfiguration", g -> g.device().getIdentityPoolConfiguration(
                        r -> r.identityPoolId(g.pool()))),
                developerOnly("SetIdentityPoolConfiguration", g -> g.device().setIdentityPoolConfiguration(
                        r -> r.identityPoolId(g.pool()).pushSync(p -> p.applicationArns(GCM_APP)))),
                developerOnly("GetCognitoEvents", g -> g.device().getCognitoEvents(r -> r.identityPoolId(g.pool()))),
                developerOnly("SetCognitoEvents", g -> g.device().setCognitoEvents(r -> r.identityPoolId(g.pool())
                        .events(Map.of("SyncTrigger", "arn:aws:lambda:us-east-1:1:function:f")))),
                developerOnly("BulkPublish", g -> g.device().bulkPublish(r -> r.identityPoolId(g.pool()))),
                developerOnly("GetBulkPublishDetails", g -> g.device().getBulkPublishDetails(
                        r -> r.identityPoolId(g.pool()))),
                cognitoOnly("RegisterDevice", g -> register(g.developer(), g, Platform.GCM, "t")),
                cognitoOnly("SubscribeToDataset", g -> subscribe(g.developer(), g, "prefs", g.deviceId())),
                cognitoOnly("UnsubscribeFromDataset", g -> g.developer().unsubscribeFromDataset(r -> r
                        .identityPoolId(g.pool()).identityId(g.identityId()).datasetName("prefs")
                        .deviceId(g.deviceId()))),
                forbidden("DescribeIdentityUsage of another identity", g -> g.stranger().describeIdentityUsage(
                        r -> r.identityPoolId(g.pool()).identityId(g.identityId()))),
                forbidden("RegisterDevice for another identity", g -> register(g.stranger(), g, Platform.GCM, "t")),
                forbidden("SubscribeToDataset of another identity", g -> subscribe(g.stranger(), g, "prefs",
                        g.deviceId())));
    }

    static Stream<Scenario> unknownResources() {
        return Stream.of(
                noPool("DescribeIdentityPoolUsage", g -> g.developer().describeIdentityPoolUsage(
                        r -> r.identityPoolId(NO_POOL))),
                noPool("DescribeIdentityUsage", g -> g.developer().describeIdentityUsage(
                        r -> r.identityPoolId(NO_POOL).identityId(g.identityId()))),
                noPool("GetIdentityPoolConfiguration", g -> g.developer().getIdentityPoolConfiguration(
                        r -> r.identityPoolId(NO_POOL))),
                noPool("SetIdentityPoolConfiguration", g -> g.developer().setIdentityPoolConfiguration(
                        r -> r.identityPoolId(NO_POOL))),
                noPool("GetCognitoEvents", g -> g.developer().getCognitoEvents(r -> r.identityPoolId(NO_POOL))),
                noPool("SetCognitoEvents", g -> g.developer().setCognitoEvents(r -> r.identityPoolId(NO_POOL)
                        .events(Map.of("SyncTrigger", "")))),
                noPool("BulkPublish", g -> g.developer().bulkPublish(r -> r.identityPoolId(NO_POOL))),
                noPool("GetBulkPublishDetails", g -> g.developer().getBulkPublishDetails(
                        r -> r.identityPoolId(NO_POOL))),
                noPool("RegisterDevice", g -> g.device().registerDevice(r -> r.identityPoolId(NO_POOL)
                        .identityId(g.identityId()).platform(Platform.GCM).token("t"))),
                new Scenario("DescribeIdentityUsage of an unknown identity", g -> g.developer().describeIdentityUsage(
                        r -> r.identityPoolId(g.pool()).identityId(NO_IDENTITY)), ResourceNotFoundException.class,
                        404, g -> "Identity '" + NO_IDENTITY + "' not found."),
                new Scenario("SubscribeToDataset of an unknown device", g -> subscribe(g.device(), g, "prefs",
                        "no-such-device"), ResourceNotFoundException.class, 404,
                        g -> "Device 'no-such-device' not found."),
                new Scenario("SubscribeToDataset of a never-written dataset", g -> subscribe(g.device(), g, "never",
                        g.deviceId()), ResourceNotFoundException.class, 404, g -> "Dataset 'never' not found."));
    }

    static Stream<Scenario> invalidInputs() {
        String prefix = "1 validation error detected: Value ";
        String longId = "d".repeat(257);
        return Stream.of(
                invalid("malformed pool id", g -> g.developer().describeIdentityPoolUsage(
                        r -> r.identityPoolId("not-a-pool")), prefix + "'not-a-pool' at 'identityPoolId' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+"),
                invalid("malformed identity id", g -> g.developer().describeIdentityUsage(
                        r -> r.identityPoolId(g.pool()).identityId("nope")), prefix + "'nope' at 'identityId' failed "
                        + "to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+"),
                invalid("malformed dataset name", g -> subscribe(g.device(), g, "bad name!", g.deviceId()),
                        prefix + "'bad name!' at 'datasetName' failed to satisfy constraint: Member must satisfy "
                                + "regular expression pattern: [a-zA-Z0-9_.:-]+"),
                invalid("maxResults 0", g -> g.developer().listIdentityPoolUsage(r -> r.maxResults(0)),
                        prefix + "'0' at 'maxResults' failed to satisfy constraint: Member must have value greater "
                                + "than or equal to 1"),
                invalid("foreign nextToken", g -> g.developer().listIdentityPoolUsage(r -> r.nextToken("!!")),
                        prefix + "'!!' at 'nextToken' failed to satisfy constraint: Member must be a token returned "
                                + "by this API"),
                invalid("RegisterDevice without platform", g -> g.device().registerDevice(r -> r
                        .identityPoolId(g.pool()).identityId(g.identityId()).token("t")),
                        prefix + "null at 'platform' failed to satisfy constraint: Member must not be null"),
                invalid("RegisterDevice of an unknown platform", g -> g.device().registerDevice(r -> r
                        .identityPoolId(g.pool()).identityId(g.identityId()).platform("WNS").token("t")),
                        prefix + "'WNS' at 'platform' failed to satisfy constraint: Member must satisfy enum value "
                                + "set: [APNS, APNS_SANDBOX, GCM, ADM]"),
                invalid("RegisterDevice without token", g -> g.device().registerDevice(r -> r
                        .identityPoolId(g.pool()).identityId(g.identityId()).platform(Platform.GCM)),
                        prefix + "null at 'token' failed to satisfy constraint: Member must not be null"),
                invalid("device id of 257 characters", g -> subscribe(g.device(), g, "prefs", longId),
                        prefix + "'" + "d".repeat(256) + "...' at 'deviceId' failed to satisfy constraint: Member "
                                + "must have length less than or equal to 256"));
    }

    static Stream<Scenario> missingConfiguration() {
        return Stream.of(
                new Scenario("RegisterDevice for a platform without an application",
                        g -> register(g.device(), g, Platform.ADM, "t"), InvalidConfigurationException.class, 400,
                        g -> "Push sync is not configured for platform ADM in identity pool '" + g.pool() + "'."),
                new Scenario("SubscribeToDataset after push sync was switched off", g -> {
                    g.developer().setIdentityPoolConfiguration(r -> r.identityPoolId(g.pool())
                            .pushSync(p -> p.applicationArns()));
                    subscribe(g.device(), g, "prefs", g.deviceId());
                }, InvalidConfigurationException.class, 400,
                        g -> "Push sync is not configured for platform GCM in identity pool '" + g.pool() + "'."),
                new Scenario("BulkPublish without Cognito Streams",
                        g -> g.developer().bulkPublish(r -> r.identityPoolId(g.pool())),
                        InvalidConfigurationException.class, 400,
                        g -> "Cognito Streams is not enabled for identity pool '" + g.pool() + "'."));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refused(Scenario scenario) {
        Given given = given();

        assertThatThrownBy(() -> scenario.call().accept(given)).isInstanceOfSatisfying(scenario.type(), e -> {
            assertThat(e.statusCode()).isEqualTo(scenario.status());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(scenario.type().getSimpleName());
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(scenario.message().apply(given));
        });

        assertNothingChanged(given);
    }

    private void assertNothingChanged(Given g) {
        new SyncDataset(developer, g.pool(), g.identityId(), "prefs").push(replace("color", "red", 1));
        assertThat(emulator.pushNotifications()).noneMatch(sent -> sent.device().deviceId().equals(g.deviceId()));
        assertThat(developer.getBulkPublishDetails(r -> r.identityPoolId(g.pool())).bulkPublishStatus())
                .isEqualTo(BulkPublishStatus.NOT_STARTED);
        assertThat(developer.getCognitoEvents(r -> r.identityPoolId(g.pool())).events()).isEmpty();
    }

    private Given given() {
        String pool = Pools.newPool(identity);
        String identityId = Pools.newIdentity(identity, pool);
        developer.setIdentityPoolConfiguration(r -> r.identityPoolId(pool).pushSync(p -> p.applicationArns(GCM_APP)));
        CognitoSyncClient device = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(),
                Pools.credentialsOf(identity, identityId));
        CognitoSyncClient stranger = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(),
                Pools.credentialsOf(identity, Pools.newIdentity(identity, pool)));
        new SyncDataset(device, pool, identityId, "prefs").push(replace("color", "blue", 0));
        Given partial = new Given(developer, device, stranger, pool, identityId, "");
        String deviceId = register(device, partial, Platform.GCM, "phone");
        return new Given(developer, device, stranger, pool, identityId, deviceId);
    }

    private static String register(CognitoSyncClient client, Given g, Platform platform, String token) {
        return client.registerDevice(r -> r.identityPoolId(g.pool()).identityId(g.identityId()).platform(platform)
                .token(token)).deviceId();
    }

    private static void subscribe(CognitoSyncClient client, Given g, String dataset, String deviceId) {
        client.subscribeToDataset(r -> r.identityPoolId(g.pool()).identityId(g.identityId()).datasetName(dataset)
                .deviceId(deviceId));
    }

    private static Scenario developerOnly(String operation, Consumer<Given> call) {
        return new Scenario(operation + " with Cognito credentials", call, NotAuthorizedException.class, 403,
                g -> DEVELOPER_ONLY);
    }

    private static Scenario cognitoOnly(String operation, Consumer<Given> call) {
        return new Scenario(operation + " with developer credentials", call, NotAuthorizedException.class, 403,
                g -> COGNITO_ONLY);
    }

    private static Scenario forbidden(String name, Consumer<Given> call) {
        return new Scenario(name, call, NotAuthorizedException.class, 403,
                g -> "Access to Identity '" + g.identityId() + "' is forbidden.");
    }

    private static Scenario noPool(String operation, Consumer<Given> call) {
        return new Scenario(operation + " of an unknown pool", call, ResourceNotFoundException.class, 404,
                g -> "IdentityPool '" + NO_POOL + "' not found.");
    }

    private static Scenario invalid(String name, Consumer<Given> call, String message) {
        return new Scenario(name, call, InvalidParameterException.class, 400, g -> message);
    }
}
