package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Dataset;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.LimitExceededException;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Record;

/** Merges as the real service does them: the source's datasets move to the survivor as {@code <name>.<source>}. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class MergeDeveloperIdentitiesTest {

    private static final String PROVIDER = "login.syncshift";

    private final CognitoIdentityClient identity;
    private final CognitoSyncClient sync;
    private String pool;
    private String alice;
    private String bob;

    MergeDeveloperIdentitiesTest(CognitoIdentityClient identity, CognitoSyncClient sync) {
        this.identity = identity;
        this.sync = sync;
    }

    @BeforeEach
    void twoDeveloperIdentities() {
        pool = DeveloperPools.newPool(identity, PROVIDER);
        alice = DeveloperPools.developerIdentity(identity, pool, PROVIDER, "alice");
        bob = DeveloperPools.developerIdentity(identity, pool, PROVIDER, "bob");
    }

    @Test
    void theSurvivorHoldsTheMergedDatasetsUnderNewNamesWithTheirRecordsAndCountsFromOne() {
        dataset(alice, "prefs").push(replace("theme", "light", 0));
        dataset(bob, "prefs").push(replace("theme", "dark", 0), replace("font", "serif", 0));
        dataset(bob, "prefs").push(replace("theme", "black", 1));
        dataset(bob, "scores").push(replace("level", "7", 0));

        String survivor = merge("bob", "alice");

        String mergedPrefs = "prefs." + bob;
        assertThat(survivor).isEqualTo(alice);
        assertThat(sync.listDatasets(r -> r.identityPoolId(pool).identityId(alice)).datasets())
                .extracting(Dataset::datasetName, Dataset::numRecords)
                .containsExactly(tuple("prefs", 1L), tuple(mergedPrefs, 2L), tuple("scores." + bob, 1L));
        ListRecordsResponse merged = dataset(alice, mergedPrefs).list(0);
        assertThat(merged.datasetSyncCount()).as("a merged copy counts from 1, as on AWS").isEqualTo(1);
        assertThat(merged.records()).extracting(Record::key, Record::value, Record::syncCount)
                .containsExactly(tuple("font", "serif", 1L), tuple("theme", "black", 2L));
        assertThat(dataset(alice, "prefs").list(0).mergedDatasetNames()).containsExactly(mergedPrefs);
        assertThat(dataset(alice, "scores").list(0).mergedDatasetNames()).containsExactly("scores." + bob);
    }

    @Test
    void aMergedCopyIsListedAfterItsOwnCountOnlyAndAPushCountsOnFromIt() {
        dataset(bob, "prefs").push(replace("theme", "dark", 0), replace("font", "serif", 0));
        dataset(bob, "prefs").push(replace("theme", "black", 1));
        merge("bob", "alice");
        SyncDataset copy = dataset(alice, "prefs." + bob);

        assertThatThrownBy(() -> copy.list(2)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> ServiceErrors.assertError(e, "InvalidParameterException", 400,
                        "No such SyncCount: 2 exists for this Dataset"));
        assertThat(copy.list(1).records()).extracting(Record::key).containsExactly("theme");

        List<Record> written = copy.push(replace("font", "mono", 1));

        assertThat(written).extracting(Record::key, Record::syncCount).containsExactly(tuple("font", 2L));
        ListRecordsResponse after = copy.list(1);
        assertThat(after.datasetSyncCount()).isEqualTo(2);
        assertThat(after.records()).extracting(Record::key, Record::value, Record::syncCount)
                .containsExactlyInAnyOrder(tuple("font", "mono", 2L), tuple("theme", "black", 2L));
    }

    @Test
    void deletingTheDatasetAcknowledgesTheMergeButKeepsTheMergedCopy() {
        dataset(alice, "prefs").push(replace("theme", "light", 0));
        dataset(bob, "prefs").push(replace("theme", "dark", 0));
        merge("bob", "alice");

        sync.deleteDataset(r -> r.identityPoolId(pool).identityId(alice).datasetName("prefs"));

        assertThat(dataset(alice, "prefs").list(0).mergedDatasetNames()).isEmpty();
        assertThat(dataset(alice, "prefs." + bob).list(0).records()).extracting(Record::value)
                .containsExactly("dark");
    }

    @Test
    void theSourceIdentityStaysDisabledWithoutLoginsOrDataAndItsUserNowFindsTheSurvivor() {
        dataset(bob, "prefs").push(replace("theme", "dark", 0));

        merge("bob", "alice");

        assertThat(identity.describeIdentity(r -> r.identityId(bob)).logins()).isEmpty();
        assertThat(DeveloperPools.developerIdentity(identity, pool, PROVIDER, "bob")).isEqualTo(alice);
        assertThat(DeveloperPools.developerIdentity(identity, pool, PROVIDER, "alice")).isEqualTo(alice);
        assertThat(merge("bob", "alice")).isEqualTo(alice);
        assertThat(identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60)).identities())
                .extracting(description -> description.identityId()).containsExactlyInAnyOrder(alice, bob);
        assertThat(identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60).hideDisabled(true))
                .identities()).extracting(description -> description.identityId()).containsExactly(alice);
        assertThat(sync.listDatasets(r -> r.identityPoolId(pool).identityId(bob)).datasets()).isEmpty();
        assertThatThrownBy(() -> identity.getCredentialsForIdentity(r -> r.identityId(bob)))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> ServiceErrors.assertError(e,
                        "NotAuthorizedException", 400, "Access to Identity '" + bob + "' is forbidden."));
        assertThatThrownBy(() -> dataset(bob, "prefs").push(replace("theme", "light", 0)))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException.class,
                        e -> ServiceErrors.assertError(e, "NotAuthorizedException", 403,
                                "Access to Identity '" + bob + "' is forbidden."));
    }

    @Test
    void aMergeBringingTheTwoUsersLinkedLoginsPastTwentyIsRefusedAndChangesNothing() {
        IntStream.rangeClosed(1, 18).forEach(i -> {
            DeveloperPools.developerIdentity(identity, pool, PROVIDER, "user" + i);
            merge("user" + i, "alice");
        });
        assertThat(merge("bob", "alice")).isEqualTo(alice);
        String carol = DeveloperPools.developerIdentity(identity, pool, PROVIDER, "carol");

        assertThatThrownBy(() -> merge("carol", "alice"))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> ServiceErrors.assertError(e,
                        "ResourceConflictException", 400, "The source and destination users together have 21 "
                                + "linked logins; at most 20 may be merged."));
        assertThat(identity.describeIdentity(r -> r.identityId(carol)).identityId()).isEqualTo(carol);
        assertThat(DeveloperPools.developerIdentity(identity, pool, PROVIDER, "carol")).isEqualTo(carol);
    }

    @Test
    void mergedDatasetsTakeSlotsSoAFullSurvivorCreatesNoNewDatasetButWritesItsMergedOnes() {
        IntStream.range(0, 20).forEach(i -> dataset(alice, "d" + i).push(replace("k", "v", 0)));
        dataset(bob, "prefs").push(replace("theme", "dark", 0));
        merge("bob", "alice");

        List<Record> written = dataset(alice, "prefs." + bob).push(replace("theme", "dim", 1));

        assertThat(written).extracting(Record::syncCount).containsExactly(2L);
        assertThatThrownBy(() -> dataset(alice, "fresh").push(replace("k", "v", 0)))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void noWriteRacingTheMergeIsLost() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch writing = new CountDownLatch(3);
            Future<Long> accepted = writer.submit(() -> pushUntilRefused(dataset(bob, "log"), writing));
            assertThat(writing.await(30, TimeUnit.SECONDS)).as("the writer's first pushes landed").isTrue();

            merge("bob", "alice");

            long pushes = accepted.get(30, TimeUnit.SECONDS);
            assertThat(pushes).isPositive();
            assertThat(dataset(alice, "log." + bob).list(0).records()).extracting(Record::value, Record::syncCount)
                    .as("the last accepted push moved along").containsExactly(tuple(Long.toString(pushes - 1), pushes));
        } finally {
            writer.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logins")
    void anUnauthenticatedIdentityLoggingInToAnotherIdentityIsMergedIntoIt(Login login) {
        String device = Pools.newIdentity(identity, pool);
        dataset(device, "prefs").push(replace("theme", "dark", 0));

        String continued = login.call().present(identity, device, "alice");

        assertThat(continued).isEqualTo(alice);
        assertThat(dataset(alice, "prefs").list(0).mergedDatasetNames()).containsExactly("prefs." + device);
        assertThat(identity.describeIdentity(r -> r.identityId(device)).logins()).isEmpty();
        assertThatThrownBy(() -> identity.getCredentialsForIdentity(r -> r.identityId(device)))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void credentialsIssuedBeforeTheMergeNoLongerReachTheDisabledIdentitysData(CognitoSyncEmulator emulator) {
        String device = Pools.newIdentity(identity, pool);
        CognitoSyncClient deviceSync = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(),
                Pools.credentialsOf(identity, device));
        new SyncDataset(deviceSync, pool, device, "prefs").push(replace("theme", "dark", 0));

        identity.getCredentialsForIdentity(r -> r.identityId(device).logins(Map.of(PROVIDER, "alice")));

        String forbidden = "Access to Identity '" + device + "' is forbidden.";
        assertThatThrownBy(() -> new SyncDataset(deviceSync, pool, device, "prefs").list(0))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException.class,
                        e -> ServiceErrors.assertError(e, "NotAuthorizedException", 403, forbidden));
        assertThatThrownBy(() -> deviceSync.listDatasets(r -> r.identityPoolId(pool).identityId(device)))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException.class,
                        e -> ServiceErrors.assertError(e, "NotAuthorizedException", 403, forbidden));
        assertThat(dataset(alice, "prefs." + device).list(0).records()).extracting(Record::value)
                .containsExactly("dark");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logins")
    void anUnauthenticatedIdentityLoggingInWithANewLoginBecomesLinkedToIt(Login login) {
        String device = Pools.newIdentity(identity, pool);

        String continued = login.call().present(identity, device, "dora");

        assertThat(continued).isEqualTo(device);
        assertThat(DeveloperPools.developerIdentity(identity, pool, PROVIDER, "dora")).isEqualTo(device);
        assertThat(identity.describeIdentity(r -> r.identityId(device)).logins()).containsExactly(PROVIDER);
    }

    /** A call that presents an identity together with logins and answers with the identity it continued with. */
    record Login(String name, Presentation call) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Presents {@code identityId} with the developer login of {@code user}; answers the identity continued with. */
    @FunctionalInterface
    interface Presentation {
        String present(CognitoIdentityClient client, String identityId, String user);
    }

    static Stream<Login> logins() {
        return Stream.of(
                new Login("GetCredentialsForIdentity", (client, id, user) -> client.getCredentialsForIdentity(
                        r -> r.identityId(id).logins(Map.of(PROVIDER, user))).identityId()),
                new Login("GetOpenIdToken", (client, id, user) -> client.getOpenIdToken(
                        r -> r.identityId(id).logins(Map.of(PROVIDER, user))).identityId()));
    }

    /** Pushes until the identity is disabled by the merge, counting {@code writing} down after each accepted push. */
    private static long pushUntilRefused(SyncDataset dataset, CountDownLatch writing) {
        long pushes = 0;
        try {
            while (pushes < 10_000) {
                dataset.push(replace("n", Long.toString(pushes), pushes));
                pushes++;
                writing.countDown();
            }
        } catch (software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException e) {
            return pushes;
        }
        return pushes;
    }

    private String merge(String source, String destination) {
        return identity.mergeDeveloperIdentities(r -> r.identityPoolId(pool).developerProviderName(PROVIDER)
                .sourceUserIdentifier(source).destinationUserIdentifier(destination)).identityId();
    }

    private SyncDataset dataset(String identityId, String name) {
        return new SyncDataset(sync, pool, identityId, name);
    }
}
