package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import dev.syncshift.emulator.cognitosync.junit.StrictAuth;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;

/** {@code --strict-auth}: who may call what, with which signature, as the real services decide it. */
@StrictAuth
@ExtendWith(CognitoSyncEmulatorExtension.class)
class StrictAuthTest {

    private static final String DEVELOPER_ONLY = "This operation requires developer credentials.";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature "
            + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
            + "for details.";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Given given;

    /** The callers of a scenario, all on one pool with two identities. */
    record Given(CognitoSyncEmulator emulator, MutableClock clock, CognitoIdentityClient developer,
            CognitoSyncClient developerSync, String pool, String alice, String bob, AwsSessionCredentials aliceKeys) {

        CognitoIdentityClient identityAs(software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
            return CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(), credentials, clock);
        }

        CognitoSyncClient syncAs(software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
            return CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(), credentials, clock);
        }

        /** A developer whose clock is {@code skew} away from the service's. */
        CognitoSyncClient skewedDeveloper(Duration skew) {
            return CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(), CognitoSyncEmulatorExtension.DEVELOPER,
                    Clock.offset(clock, skew));
        }

        String signedAt(Duration skew) {
            return AMZ_DATE.format(clock.instant().plus(skew));
        }

        CognitoIdentityClient anonymousIdentity() {
            return CognitoIdentityClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(1))).build();
        }

        CognitoSyncClient anonymousSync() {
            return CognitoSyncClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(1))).build();
        }

        SyncDataset dataset(CognitoSyncClient sync, String identityId) {
            return new SyncDataset(sync, pool, identityId, "prefs");
        }
    }

    /** How a refused call surfaces: SDK exception class, error code, status, message. */
    record Refused(Class<? extends AwsServiceException> type, String code, int status,
            Function<Given, String> message) {
    }

    /** One call by one caller, accepted ({@code refused} null) or refused. */
    record Scenario(String name, Consumer<Given> call, @Nullable Refused refused) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void given(CognitoSyncEmulator emulator, MutableClock clock, CognitoIdentityClient developer,
            CognitoSyncClient developerSync) {
        String pool = DeveloperPools.newPool(developer, "login.syncshift");
        String alice = Pools.newIdentity(developer, pool);
        String bob = Pools.newIdentity(developer, pool);
        given = new Given(emulator, clock, developer, developerSync, pool, alice, bob,
                Pools.credentialsOf(developer, alice));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void decidesAsTheRealServiceDoes(Scenario scenario) {
        if (scenario.refused() == null) {
            assertThatCode(() -> scenario.call().accept(given)).doesNotThrowAnyException();
            return;
        }
        Refused refused = scenario.refused();
        assertThatThrownBy(() -> scenario.call().accept(given)).isInstanceOfSatisfying(refused.type(),
                e -> ServiceErrors.assertError(e, refused.code(), refused.status(), refused.message().apply(given)));
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(developers(), clocks(), strangers(), identities(), developerOnly()).flatMap(s -> s);
    }

    private static Stream<Scenario> developers() {
        return Stream.of(
                accepted("developer key: DescribeIdentityPool", g -> g.developer().describeIdentityPool(
                        r -> r.identityPoolId(g.pool()))),
                accepted("developer key: UpdateRecords and ListRecords", g -> g.dataset(g.developerSync(), g.bob())
                        .push(replace("k", "v", 0))),
                refused("wrong secret: ListIdentities", g -> g.identityAs(wrongSecret()).listIdentities(
                        r -> r.identityPoolId(g.pool()).maxResults(5)), identityError("InvalidSignatureException",
                        BAD_SIGNATURE)),
                refused("wrong secret: ListRecords", g -> g.dataset(g.syncAs(wrongSecret()), g.alice()).list(0),
                        syncError("InvalidSignatureException", BAD_SIGNATURE)),
                refused("wrong secret: UpdateRecords", g -> g.syncAs(wrongSecret()).updateRecords(
                        r -> r.identityPoolId(g.pool()).identityId(g.alice()).datasetName("prefs")
                                .syncSessionToken("t").recordPatches(replace("k", "v", 0))),
                        syncError("InvalidSignatureException", BAD_SIGNATURE)));
    }

    private static Stream<Scenario> clocks() {
        Duration behind = Duration.ofMinutes(-16);
        Duration ahead = Duration.ofMinutes(16);
        return Stream.of(
                accepted("a device clock 14 minutes either way of the service's", g -> {
                    g.skewedDeveloper(Duration.ofMinutes(-14)).listIdentityPoolUsage(r -> r.maxResults(5));
                    g.skewedDeveloper(Duration.ofMinutes(14)).listIdentityPoolUsage(r -> r.maxResults(5));
                }),
                refused("a device clock 16 minutes behind", g -> g.skewedDeveloper(behind).listIdentityPoolUsage(
                        r -> r.maxResults(5)), new Refused(CognitoSyncException.class, "InvalidSignatureException",
                        403, g -> "Signature expired: " + g.signedAt(behind) + " is now earlier than "
                                + g.signedAt(Duration.ofMinutes(-15)) + " (" + g.signedAt(Duration.ZERO)
                                + " - 15 min.)")),
                refused("a device clock 16 minutes ahead", g -> g.skewedDeveloper(ahead).listIdentityPoolUsage(
                        r -> r.maxResults(5)), new Refused(CognitoSyncException.class, "InvalidSignatureException",
                        403, g -> "Signature not yet current: " + g.signedAt(ahead) + " is still later than "
                                + g.signedAt(Duration.ofMinutes(15)) + " (" + g.signedAt(Duration.ZERO)
                                + " + 15 min.)")));
    }

    private static Stream<Scenario> strangers() {
        AwsBasicCredentials unknown = AwsBasicCredentials.create("AKIDUNKNOWN", "whatever");
        return Stream.of(
                refused("unknown key: DescribeIdentityPool", g -> g.identityAs(unknown).describeIdentityPool(
                        r -> r.identityPoolId(g.pool())), identityError("UnrecognizedClientException",
                        INVALID_TOKEN)),
                refused("unknown key: ListDatasets", g -> g.syncAs(unknown).listDatasets(
                        r -> r.identityPoolId(g.pool()).identityId(g.alice())),
                        syncError("UnrecognizedClientException", INVALID_TOKEN)),
                refused("unsigned: ListIdentityPools", g -> g.anonymousIdentity().listIdentityPools(
                        r -> r.maxResults(5)), identityError("MissingAuthenticationTokenException",
                        "Missing Authentication Token")),
                refused("unsigned: ListDatasets", g -> g.anonymousSync().listDatasets(
                        r -> r.identityPoolId(g.pool()).identityId(g.alice())),
                        syncError("MissingAuthenticationTokenException", "Missing Authentication Token")),
                accepted("unsigned: GetId, GetCredentialsForIdentity and GetOpenIdToken need no signature", g -> {
                    String id = g.anonymousIdentity().getId(r -> r.identityPoolId(g.pool())).identityId();
                    g.anonymousIdentity().getCredentialsForIdentity(r -> r.identityId(id));
                    g.anonymousIdentity().getOpenIdToken(r -> r.identityId(id));
                }));
    }

    private static Stream<Scenario> identities() {
        return Stream.of(
                accepted("temporary credentials: own identity's records", g -> g.dataset(g.syncAs(g.aliceKeys()),
                        g.alice()).push(replace("k", "v", 0))),
                accepted("temporary credentials: DescribeIdentity of their own identity", g -> g.identityAs(
                        g.aliceKeys()).describeIdentity(r -> r.identityId(g.alice()))),
                refused("temporary credentials: another identity's records", g -> g.dataset(g.syncAs(g.aliceKeys()),
                        g.bob()).list(0), new Refused(
                        software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException.class,
                        "NotAuthorizedException", 403, g -> "Access to Identity '" + g.bob() + "' is forbidden.")),
                refused("temporary credentials: DescribeIdentity of another identity", g -> g.identityAs(
                        g.aliceKeys()).describeIdentity(r -> r.identityId(g.bob())), new Refused(
                        software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException.class,
                        "NotAuthorizedException", 400, g -> "Access to Identity '" + g.bob() + "' is forbidden.")),
                refused("temporary credentials with a forged session token", g -> g.syncAs(AwsSessionCredentials
                        .create(g.aliceKeys().accessKeyId(), g.aliceKeys().secretAccessKey(), "forged"))
                        .listDatasets(r -> r.identityPoolId(g.pool()).identityId(g.alice())),
                        syncError("UnrecognizedClientException", INVALID_TOKEN)),
                refused("expired temporary credentials", g -> {
                    g.clock().advance(Duration.ofHours(2));
                    g.syncAs(g.aliceKeys()).listDatasets(r -> r.identityPoolId(g.pool()).identityId(g.alice()));
                }, syncError("ExpiredTokenException", "The security token included in the request is expired")));
    }

    private static Stream<Scenario> developerOnly() {
        Map<String, Consumer<Given>> calls = Map.of(
                "ListIdentities", g -> g.identityAs(g.aliceKeys()).listIdentities(
                        r -> r.identityPoolId(g.pool()).maxResults(5)),
                "DescribeIdentityPool", g -> g.identityAs(g.aliceKeys()).describeIdentityPool(
                        r -> r.identityPoolId(g.pool())),
                "CreateIdentityPool", g -> g.identityAs(g.aliceKeys()).createIdentityPool(
                        r -> r.identityPoolName("mine").allowUnauthenticatedIdentities(true)),
                "DeleteIdentityPool", g -> g.identityAs(g.aliceKeys()).deleteIdentityPool(
                        r -> r.identityPoolId(g.pool())),
                "ListIdentityPools", g -> g.identityAs(g.aliceKeys()).listIdentityPools(r -> r.maxResults(5)),
                "LookupDeveloperIdentity", g -> g.identityAs(g.aliceKeys()).lookupDeveloperIdentity(
                        r -> r.identityPoolId(g.pool()).developerUserIdentifier("a")),
                "UnlinkDeveloperIdentity", g -> g.identityAs(g.aliceKeys()).unlinkDeveloperIdentity(
                        r -> r.identityPoolId(g.pool()).identityId(g.alice()).developerProviderName("login.syncshift")
                                .developerUserIdentifier("a")),
                "MergeDeveloperIdentities", g -> g.identityAs(g.aliceKeys()).mergeDeveloperIdentities(
                        r -> r.identityPoolId(g.pool()).developerProviderName("login.syncshift")
                                .sourceUserIdentifier("a").destinationUserIdentifier("b")),
                "GetOpenIdTokenForDeveloperIdentity", g -> g.identityAs(g.aliceKeys())
                        .getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(g.pool())
                                .logins(Map.of("login.syncshift", "alice"))));
        return calls.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(call -> refused(
                "temporary credentials: " + call.getKey(), call.getValue(), new Refused(
                        software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException.class,
                        "NotAuthorizedException", 400, g -> DEVELOPER_ONLY)));
    }

    private static AwsBasicCredentials wrongSecret() {
        return AwsBasicCredentials.create(CognitoSyncEmulatorExtension.DEVELOPER.accessKeyId(), "not-the-secret");
    }

    private static Scenario accepted(String name, Consumer<Given> call) {
        return new Scenario(name, call, null);
    }

    private static Scenario refused(String name, Consumer<Given> call, Refused refused) {
        return new Scenario(name, call, refused);
    }

    private static Refused identityError(String code, String message) {
        return new Refused(CognitoIdentityException.class, code, 403, g -> message);
    }

    private static Refused syncError(String code, String message) {
        return new Refused(CognitoSyncException.class, code, 403, g -> message);
    }
}
