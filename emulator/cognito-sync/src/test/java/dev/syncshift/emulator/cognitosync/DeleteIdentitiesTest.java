package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.DeleteIdentitiesResponse;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityDescription;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** DeleteIdentities as AWS documents it: the identities leave the pool, and here their datasets go with them. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class DeleteIdentitiesTest {

    private static final Map<String, String> LOGIN = Map.of("graph.facebook.com", "fb-leaving");

    private final CognitoIdentityClient identity;
    private final CognitoSyncClient sync;
    private final CognitoSyncEmulator emulator;
    private String pool;
    private String leaving;
    private String staying;

    DeleteIdentitiesTest(CognitoIdentityClient identity, CognitoSyncClient sync, CognitoSyncEmulator emulator) {
        this.identity = identity;
        this.sync = sync;
        this.emulator = emulator;
    }

    @BeforeEach
    void twoIdentitiesWithData() {
        pool = Pools.newPool(identity);
        leaving = identity.getId(r -> r.identityPoolId(pool).logins(LOGIN)).identityId();
        staying = Pools.newIdentity(identity, pool);
        dataset(leaving, "prefs").push(replace("theme", "dark", 0));
        dataset(leaving, "scores").push(replace("level", "7", 0));
        dataset(staying, "prefs").push(replace("theme", "light", 0));
    }

    @Test
    void aDeletedIdentityIsUnknownToEveryOperationAndItsDatasetsAreGone() {
        String token = dataset(leaving, "prefs").list(1).syncSessionToken();

        DeleteIdentitiesResponse response = identity.deleteIdentities(r -> r.identityIdsToDelete(leaving));

        assertThat(response.hasUnprocessedIdentityIds()).as("the member is sent").isTrue();
        assertThat(response.unprocessedIdentityIds()).isEmpty();
        String gone = "Identity '" + leaving + "' not found.";
        Stream.<Runnable>of(() -> identity.describeIdentity(r -> r.identityId(leaving)),
                () -> identity.getCredentialsForIdentity(r -> r.identityId(leaving)),
                () -> identity.getOpenIdToken(r -> r.identityId(leaving))).forEach(call -> assertThatThrownBy(
                        call::run).isInstanceOfSatisfying(ResourceNotFoundException.class,
                                e -> ServiceErrors.assertError(e, "ResourceNotFoundException", 400, gone)));
        Stream.<Runnable>of(() -> dataset(leaving, "prefs").datasetNames(),
                () -> dataset(leaving, "prefs").list(0),
                () -> dataset(leaving, "prefs").pushWithToken(token, replace("theme", "late", 1)))
                .forEach(call -> assertThatThrownBy(call::run).isInstanceOfSatisfying(
                        software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException.class,
                        e -> ServiceErrors.assertError(e, "ResourceNotFoundException", 404, gone)));
        assertThat(identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60)).identities())
                .extracting(IdentityDescription::identityId).containsExactly(staying);
        assertThat(emulator.datasetStore().list(new IdentityId(leaving))).as("no dataset left behind").isEmpty();
        assertThat(dataset(staying, "prefs").datasetNames()).containsExactly("prefs");
    }

    @Test
    void credentialsIssuedBeforeTheDeletionFindNothingAndThePoolsUsageDropsItsData() {
        var issued = identity.getCredentialsForIdentity(r -> r.identityId(leaving).logins(LOGIN)).credentials();
        CognitoSyncClient device = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(),
                AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(), issued.sessionToken()));

        identity.deleteIdentities(r -> r.identityIdsToDelete(leaving));

        assertThatThrownBy(() -> device.listDatasets(r -> r.identityPoolId(pool).identityId(leaving)))
                .isInstanceOfSatisfying(
                        software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException.class,
                        e -> ServiceErrors.assertError(e, "ResourceNotFoundException", 404,
                                "Identity '" + leaving + "' not found."));
        assertThat(sync.describeIdentityPoolUsage(r -> r.identityPoolId(pool)).identityPoolUsage().dataStorage())
                .as("only the staying identity's theme=light").isEqualTo("themelight".length());
    }

    @Test
    void theDeletedIdentitysLoginsAreFreeAgain() {
        identity.deleteIdentities(r -> r.identityIdsToDelete(leaving));

        String again = identity.getId(r -> r.identityPoolId(pool).logins(LOGIN)).identityId();

        assertThat(again).isNotEqualTo(leaving);
        assertThat(identity.describeIdentity(r -> r.identityId(again)).logins()).containsExactly("graph.facebook.com");
        assertThat(sync.listDatasets(r -> r.identityPoolId(pool).identityId(again)).datasets()).isEmpty();
    }

    @Test
    void anUnknownIdIsIgnoredAndADuplicateIsDeletedOnce() {
        String unknown = "us-east-1:00000000-0000-4000-8000-0000000000ff";

        DeleteIdentitiesResponse response = identity.deleteIdentities(r -> r.identityIdsToDelete(leaving, unknown,
                leaving));
        DeleteIdentitiesResponse again = identity.deleteIdentities(r -> r.identityIdsToDelete(leaving));

        assertThat(response.unprocessedIdentityIds()).isEmpty();
        assertThat(again.unprocessedIdentityIds()).isEmpty();
        assertThat(identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60)).identities())
                .extracting(IdentityDescription::identityId).containsExactly(staying);
    }

    @Test
    void identitiesOfSeveralPoolsAreDeletedInOneCall() {
        String otherPool = Pools.newPool(identity);
        String other = Pools.newIdentity(identity, otherPool);

        identity.deleteIdentities(r -> r.identityIdsToDelete(leaving, other));

        assertThat(identity.listIdentities(r -> r.identityPoolId(otherPool).maxResults(60)).identities()).isEmpty();
        assertThat(identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60)).identities())
                .extracting(IdentityDescription::identityId).containsExactly(staying);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedListDeletesNothing(Refusal refusal) {
        List<String> ids = refusal.ids().apply(leaving);

        assertThatThrownBy(() -> identity.deleteIdentities(r -> r.identityIdsToDelete(ids)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> ServiceErrors.assertError(e,
                        "InvalidParameterException", 400, refusal.message()));
        assertThat(identity.describeIdentity(r -> r.identityId(leaving)).identityId()).isEqualTo(leaving);
        assertThat(dataset(leaving, "prefs").datasetNames()).containsExactly("prefs", "scores");
    }

    /** A list DeleteIdentities refuses, made around the id of an identity that must survive it, and the text. */
    record Refusal(String name, Function<String, List<String>> ids, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        String tooLong = "us-east-1:" + "0".repeat(46);
        return Stream.of(
                new Refusal("no id", id -> List.of(), "1 validation error detected: Value at 'identityIdsToDelete' "
                        + "failed to satisfy constraint: Member must have length greater than or equal to 1"),
                new Refusal("61 ids", DeleteIdentitiesTest::sixtyOneIds, "1 validation error detected: Value at "
                        + "'identityIdsToDelete' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 60"),
                new Refusal("an upper-case id after a valid one", id -> List.of(id, "us-east-1:ABC"),
                        "1 validation error detected: Value 'us-east-1:ABC' at 'identityIdsToDelete' failed to satisfy "
                                + "constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+"),
                new Refusal("an id of 56 characters", id -> List.of(id, tooLong), "1 validation error detected: "
                        + "Value '" + tooLong + "' at 'identityIdsToDelete' failed to satisfy constraint: Member "
                        + "must have length less than or equal to 55"));
    }

    @Test
    void temporaryCredentialsMayNotDeleteEvenTheirOwnIdentity() {
        CognitoIdentityClient device = CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(),
                Pools.credentialsOf(identity, staying));

        assertThatThrownBy(() -> device.deleteIdentities(r -> r.identityIdsToDelete(staying)))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> ServiceErrors.assertError(e,
                        "NotAuthorizedException", 400, "This operation requires developer credentials."));
        assertThat(identity.describeIdentity(r -> r.identityId(staying)).identityId()).isEqualTo(staying);
    }

    @Test
    void noWriteRacingTheDeletionIsLeftBehind() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch writing = new CountDownLatch(3);
            Future<Long> accepted = writer.submit(() -> pushUntilRefused(dataset(leaving, "log"), writing));
            assertThat(writing.await(30, TimeUnit.SECONDS)).as("the writer's first pushes landed").isTrue();

            identity.deleteIdentities(r -> r.identityIdsToDelete(leaving));

            assertThat(accepted.get(30, TimeUnit.SECONDS)).isPositive();
            assertThat(emulator.datasetStore().list(new IdentityId(leaving))).as("no write outlived the identity")
                    .isEmpty();
        } finally {
            writer.shutdownNow();
        }
    }

    /** Pushes until the identity is unknown, counting {@code writing} down after each accepted push. */
    private static long pushUntilRefused(SyncDataset dataset, CountDownLatch writing) {
        long accepted = 0;
        while (accepted < 10_000) {
            try {
                dataset.push(replace("n", Long.toString(accepted), accepted));
            } catch (SdkException e) {
                if (e instanceof AwsServiceException refused && refused.statusCode() == 404) {
                    return accepted;
                }
                throw e;
            }
            accepted++;
            writing.countDown();
        }
        return accepted;
    }

    private static List<String> sixtyOneIds(String id) {
        List<String> ids = new ArrayList<>(List.of(id));
        IntStream.range(0, 60).forEach(i -> ids.add("us-east-1:00000000-0000-4000-8000-%012x".formatted(i)));
        return ids;
    }

    private SyncDataset dataset(String identityId, String name) {
        return new SyncDataset(sync, pool, identityId, name);
    }
}
