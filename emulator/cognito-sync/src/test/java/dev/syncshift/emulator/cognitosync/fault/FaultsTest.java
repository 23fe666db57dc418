package dev.syncshift.emulator.cognitosync.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import dev.syncshift.emulator.cognitosync.fixture.SyntheticPool;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentitiesResponse;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.InternalErrorException;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.TooManyRequestsException;

/** Injected faults as a user of the real SDK sees them. State comes from a one-identity synthetic pool. */
class FaultsTest {

    private static final String POOL = "us-east-1:00000000-0000-4000-8000-000000000001";
    private static final long SEED = 7;
    private static final String IDENTITY = identity(SEED);
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();

    @Test
    void aThrottledOperationIs429TooManyRequestsAndTheSdkCallsItThrottling() {
        try (CognitoSyncEmulator emulator = start(base().throttleRps(2).ticker(now::get))) {
            CognitoSyncClient sync = client(emulator);
            list(sync, "a");
            list(sync, "b");

            assertThatThrownBy(() -> list(sync, "c")).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.isThrottlingException()).isTrue();
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
            });
            now.addAndGet(SECOND / 2);
            assertThat(list(sync, "d").datasetExists()).isFalse();
        }
    }

    @Test
    void eachOperationHasItsOwnBucketAndAThrottledPushChangesNothing() {
        try (CognitoSyncEmulator emulator = start(base().throttleRps(1).ticker(now::get))) {
            CognitoSyncClient sync = client(emulator);
            String token = list(sync, "prefs").syncSessionToken();
            push(sync, token, "color", "blue", 0);

            assertThatThrownBy(() -> push(sync, token, "color", "red", 1))
                    .isInstanceOf(TooManyRequestsException.class);
            now.addAndGet(SECOND);
            ListRecordsResponse after = list(sync, "prefs");
            assertThat(after.datasetSyncCount()).isEqualTo(1);
            assertThat(after.records()).extracting(r -> r.key() + "=" + r.value()).containsExactly("color=blue");
        }
    }

    @Test
    void aPerOperationRateThrottlesOnlyThatOperation() {
        try (CognitoSyncEmulator emulator = start(base().throttleRps("ListRecords", 1).ticker(now::get))) {
            CognitoSyncClient sync = client(emulator);
            list(sync, "a");

            assertThatThrownBy(() -> list(sync, "b")).isInstanceOf(TooManyRequestsException.class);
            for (int i = 0; i < 5; i++) {
                assertThat(sync.listDatasets(r -> r.identityPoolId(POOL).identityId(IDENTITY)).count()).isPositive();
            }
        }
    }

    @Test
    void aThrottledIdentityOperationIs400TooManyRequestsInTheIdentityShape() {
        CognitoSyncEmulatorConfig.Builder config = base().throttleRps(50).throttleRps("ListIdentities", 1)
                .ticker(now::get);
        try (CognitoSyncEmulator emulator = start(config)) {
            CognitoIdentityClient identity = identityClient(emulator);
            listIdentities(identity);

            assertThatThrownBy(() -> listIdentities(identity)).isInstanceOfSatisfying(
                    software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.isThrottlingException()).isTrue();
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                    });
            now.addAndGet(SECOND);
            assertThat(listIdentities(identity).identities()).hasSize(1);
        }
    }

    @Test
    void aThrottledDeleteIdentitiesDeletesNothing() {
        try (CognitoSyncEmulator emulator = start(base().throttleRps("DeleteIdentities", 1).ticker(now::get))) {
            CognitoIdentityClient identity = identityClient(emulator);
            identity.deleteIdentities(r -> r.identityIdsToDelete("us-east-1:00000000-0000-4000-8000-0000000000ff"));

            assertThatThrownBy(() -> identity.deleteIdentities(r -> r.identityIdsToDelete(IDENTITY))).isInstanceOf(
                    software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException.class);
            assertThat(listIdentities(identity).identities()).hasSize(1);
        }
    }

    @Test
    void aThrottledUnlinkIdentityUnlinksNothing() {
        try (CognitoSyncEmulator emulator = start(base().throttleRps("UnlinkIdentity", 1).ticker(now::get))) {
            CognitoIdentityClient identity = identityClient(emulator);
            Map<String, String> facebook = Map.of("graph.facebook.com", "fb-1");
            String linked = identity.getId(r -> r.identityPoolId(POOL).logins(Map.of("graph.facebook.com", "fb-1",
                    "accounts.google.com", "g-1"))).identityId();
            identity.unlinkIdentity(r -> r.identityId(linked).logins(facebook).loginsToRemove("accounts.google.com"));

            assertThatThrownBy(() -> identity.unlinkIdentity(r -> r.identityId(linked).logins(facebook)
                    .loginsToRemove("graph.facebook.com"))).isInstanceOf(
                    software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException.class);
            assertThat(identity.describeIdentity(r -> r.identityId(linked)).logins())
                    .containsExactly("graph.facebook.com");
        }
    }

    /** The pool's roles are an AWS operation like the others: a throttle may name them. */
    @Test
    void aThrottledSetIdentityPoolRolesChangesNothing() {
        try (CognitoSyncEmulator emulator = start(base().throttleRps("SetIdentityPoolRoles", 1).ticker(now::get))) {
            CognitoIdentityClient identity = identityClient(emulator);
            String pool = POOL;
            String first = "arn:aws:iam::123456789012:role/first";
            identity.setIdentityPoolRoles(r -> r.identityPoolId(pool).roles(Map.of("unauthenticated", first)));

            assertThatThrownBy(() -> identity.setIdentityPoolRoles(r -> r.identityPoolId(pool)
                    .roles(Map.of("unauthenticated", "arn:aws:iam::123456789012:role/second")))).isInstanceOf(
                    software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException.class);
            assertThat(identity.getIdentityPoolRoles(r -> r.identityPoolId(pool)).roles())
                    .containsEntry("unauthenticated", first);
        }
    }

    @Test
    void aThrottleRateOfOneThrottlesEveryAdmittedRequestOfBothServices() {
        try (CognitoSyncEmulator emulator = start(base().throttleRate(1))) {
            CognitoIdentityClient identity = identityClient(emulator);

            assertThatThrownBy(() -> list(client(emulator), "prefs"))
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amzn-ErrorType"))
                                .hasValue("TooManyRequestsException");
                    });
            assertThatThrownBy(() -> listIdentities(identity)).isInstanceOf(
                    software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException.class);
        }
    }

    @Test
    void throttleAndFaultRatesSplitOneSeededDraw() {
        Map<String, Integer> first = outcomeCounts(base().throttleRate(0.1).faultRate(0.05), 400);
        Map<String, Integer> second = outcomeCounts(base().throttleRate(0.1).faultRate(0.05), 400);

        assertThat(first).isEqualTo(second);
        assertThat(first.get("TooManyRequestsException")).isBetween(25, 55);
        assertThat(first.get("InternalErrorException")).isBetween(10, 35);
        assertThat(first.get("ok")).isEqualTo(400 - first.get("TooManyRequestsException")
                - first.get("InternalErrorException"));
    }

    @Test
    void aFaultRateOfOneFailsEveryRequestWith500InternalError() {
        try (CognitoSyncEmulator emulator = start(base().faultRate(1))) {
            CognitoSyncClient sync = client(emulator);

            assertThatThrownBy(() -> list(sync, "prefs")).isInstanceOfSatisfying(InternalErrorException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.isThrottlingException()).isFalse();
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalErrorException");
            });
        }
    }

    @Test
    void theSameSeedInjectsTheSameFaults() {
        List<Boolean> first = outcomes(base().faultRate(0.5), IDENTITY);
        List<Boolean> second = outcomes(base().faultRate(0.5), IDENTITY);
        List<Boolean> otherSeed = outcomes(base().faultRate(0.5).seed(SEED + 1), identity(SEED + 1));

        assertThat(first).isEqualTo(second).contains(true, false).isNotEqualTo(otherSeed);
    }

    @Test
    void latencyIsAddedToEveryRequest() {
        try (CognitoSyncEmulator emulator = start(base().latencyMs(150))) {
            CognitoSyncClient sync = client(emulator);
            long started = System.nanoTime();

            list(sync, "prefs");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void aRetryingClientGetsThroughAThrottledEmulator() {
        AtomicLong ticks = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        CognitoSyncEmulatorConfig.Builder config = base().throttleRps(1).ticker(() -> ticks.addAndGet(SECOND * 2 / 5));
        try (CognitoSyncEmulator emulator = start(config)) {
            CognitoSyncClient sync = retryingClient(emulator, attempts);

            List<Boolean> exists = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                exists.add(list(sync, "prefs").datasetExists());
            }

            assertThat(exists).containsExactly(false, false, false);
            assertThat(attempts.get()).isGreaterThan(3);
        }
    }

    @Test
    void faultOptionsAreCheckedWhenTheConfigIsBuilt() {
        assertThatThrownBy(() -> base().faultRate(1.5).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("faultRate must be between 0 and 1, not 1.5");
        assertThatThrownBy(() -> base().throttleRps(-1).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throttleRps must be 0 (off) or a positive number, not -1");
        assertThatThrownBy(() -> base().latencyMs(-5).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latency must be 0 ms or more, not -5 ms");
        assertThatThrownBy(() -> base().throttleRps("ListRecord", 5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throttleRps names an unknown operation: ListRecord");
        assertThatThrownBy(() -> base().throttleRps("ListIdentities", 0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throttleRps of ListIdentities must be a positive number, not 0");
        assertThatThrownBy(() -> base().throttleRate(-0.1).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throttleRate must be between 0 and 1, not -0.1");
        assertThatThrownBy(() -> base().throttleRate(0.6).faultRate(0.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throttleRate + faultRate must not exceed 1, not 1.1");
    }

    private static String identity(long seed) {
        return new SyntheticPool(1, new IdentityPoolId(POOL), seed).generate().identities().get(0).id().value();
    }

    private List<Boolean> outcomes(CognitoSyncEmulatorConfig.Builder config, String identity) {
        List<Boolean> failed = new ArrayList<>();
        try (CognitoSyncEmulator emulator = start(config)) {
            CognitoSyncClient sync = client(emulator);
            for (int i = 0; i < 20; i++) {
                try {
                    sync.listRecords(r -> r.identityPoolId(POOL).identityId(identity).datasetName("prefs"));
                    failed.add(false);
                } catch (InternalErrorException e) {
                    failed.add(true);
                }
            }
        }
        return failed;
    }

    private static Map<String, Integer> outcomeCounts(CognitoSyncEmulatorConfig.Builder config, int requests) {
        Map<String, Integer> counts = new TreeMap<>(Map.of("ok", 0, "TooManyRequestsException", 0,
                "InternalErrorException", 0));
        try (CognitoSyncEmulator emulator = start(config)) {
            CognitoSyncClient sync = client(emulator);
            for (int i = 0; i < requests; i++) {
                counts.merge(outcome(() -> list(sync, "prefs")), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (AwsServiceException e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    private static CognitoSyncEmulatorConfig.Builder base() {
        return CognitoSyncEmulatorConfig.builder().seed(SEED).generate(1).identityPoolId(POOL);
    }

    private static CognitoSyncEmulator start(CognitoSyncEmulatorConfig.Builder config) {
        return CognitoSyncEmulator.start(config.build());
    }

    private static CognitoSyncClient client(CognitoSyncEmulator emulator) {
        return CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(), CognitoSyncEmulatorExtension.DEVELOPER);
    }

    private static CognitoIdentityClient identityClient(CognitoSyncEmulator emulator) {
        return CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(),
                CognitoSyncEmulatorExtension.DEVELOPER);
    }

    private static ListIdentitiesResponse listIdentities(CognitoIdentityClient identity) {
        return identity.listIdentities(r -> r.identityPoolId(POOL).maxResults(60));
    }

    private static CognitoSyncClient retryingClient(CognitoSyncEmulator emulator, AtomicInteger attempts) {
        BackoffStrategy quick = BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(5));
        return CognitoSyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(CognitoSyncEmulatorExtension.DEVELOPER))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o
                        .retryStrategy(retry -> retry.maxAttempts(5).backoffStrategy(quick)
                                .throttlingBackoffStrategy(quick))
                        .addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeTransmission(Context.BeforeTransmission context,
                                    ExecutionAttributes attributes) {
                                attempts.incrementAndGet();
                            }
                        }))
                .build();
    }

    private static ListRecordsResponse list(CognitoSyncClient sync, String dataset) {
        return sync.listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName(dataset));
    }

    private static void push(CognitoSyncClient sync, String token, String key, String value, long count) {
        sync.updateRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("prefs")
                .syncSessionToken(token).recordPatches(p -> p.op(Operation.REPLACE).key(key).value(value)
                        .syncCount(count)));
    }
}
