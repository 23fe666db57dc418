package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityDescription;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.UnlinkDeveloperIdentityRequest;
import software.amazon.awssdk.services.cognitoidentity.model.UnlinkIdentityRequest;

/**
 * UnlinkDeveloperIdentity and UnlinkIdentity as AWS documents them: what is unlinked is met as a new user next time,
 * and an identity left with nothing linked becomes inaccessible (disabled here, as a merge's source is).
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class UnlinkTest {

    private static final String PROVIDER = "login.syncshift";
    private static final Map<String, String> FACEBOOK = Map.of("graph.facebook.com", "fb-ann");
    private static final Map<String, String> GOOGLE = Map.of("accounts.google.com", "g-ann");

    private final CognitoIdentityClient identity;
    private final CognitoSyncEmulator emulator;
    private String pool;
    private String alice;
    private String ann;

    UnlinkTest(CognitoIdentityClient identity, CognitoSyncEmulator emulator) {
        this.identity = identity;
        this.emulator = emulator;
    }

    @BeforeEach
    void aDeveloperUserAndAUserWithTwoLogins() {
        pool = DeveloperPools.newPool(identity, PROVIDER);
        alice = DeveloperPools.developerIdentity(identity, pool, PROVIDER, "alice");
        ann = identity.getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-ann",
                "accounts.google.com", "g-ann"))).identityId();
    }

    @Test
    void anUnlinkedDeveloperUserIsANewIdentityAndTheOldOneIsInaccessible() {
        identity.unlinkDeveloperIdentity(r -> r.identityPoolId(pool).identityId(alice)
                .developerProviderName(PROVIDER).developerUserIdentifier("alice"));

        String again = DeveloperPools.developerIdentity(identity, pool, PROVIDER, "alice");
        assertThat(again).isNotEqualTo(alice);
        assertThat(identity.describeIdentity(r -> r.identityId(alice)).logins()).isEmpty();
        assertThat(identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60).hideDisabled(true))
                .identities()).extracting(IdentityDescription::identityId).doesNotContain(alice).contains(again);
        assertForbidden(alice, Map.of(PROVIDER, "alice"));
    }

    @Test
    void unlinkingOneOfTwoDeveloperUsersKeepsTheIdentityForTheOther() {
        DeveloperPools.developerIdentity(identity, pool, PROVIDER, "bob");
        identity.mergeDeveloperIdentities(r -> r.identityPoolId(pool).developerProviderName(PROVIDER)
                .sourceUserIdentifier("bob").destinationUserIdentifier("alice"));

        identity.unlinkDeveloperIdentity(r -> r.identityPoolId(pool).identityId(alice)
                .developerProviderName(PROVIDER).developerUserIdentifier("alice"));

        assertThat(identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool).identityId(alice))
                .developerUserIdentifierList()).containsExactly("bob");
        assertThat(DeveloperPools.developerIdentity(identity, pool, PROVIDER, "bob")).isEqualTo(alice);
        assertThat(DeveloperPools.developerIdentity(identity, pool, PROVIDER, "alice")).isNotEqualTo(alice);
    }

    /**
     * Unlinking a developer user a merge linked leaves the identity's own developer login as it was (the fixture an
     * export writes keeps it), whatever the users' order.
     */
    @Test
    void unlinkingAMergedDeveloperUserKeepsTheIdentitysOwn(@TempDir Path dir) throws Exception {
        for (String user : List.of("aaron", "bella")) {
            DeveloperPools.developerIdentity(identity, pool, PROVIDER, user);
            identity.mergeDeveloperIdentities(r -> r.identityPoolId(pool).developerProviderName(PROVIDER)
                    .sourceUserIdentifier(user).destinationUserIdentifier("alice"));
        }

        identity.unlinkDeveloperIdentity(r -> r.identityPoolId(pool).identityId(alice)
                .developerProviderName(PROVIDER).developerUserIdentifier("bella"));

        assertThat(identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool).identityId(alice))
                .developerUserIdentifierList()).containsExactly("aaron", "alice");
        Path exported = dir.resolve("exported.json");
        emulator.exportFixture(exported);
        List<String> ownLogins = new ArrayList<>();
        for (JsonNode identities : new ObjectMapper().readTree(exported.toFile()).findValues("identities")) {
            identities.forEach(i -> {
                if (i.path("identityId").asText().equals(alice)) {
                    ownLogins.add(i.path("logins").path(PROVIDER).asText());
                }
            });
        }
        assertThat(ownLogins).containsExactly("alice");
    }

    @Test
    void unlinkingOneOfTwoLoginsKeepsTheOtherAndTheRemovedOneIsANewIdentity() {
        identity.unlinkIdentity(r -> r.identityId(ann).logins(FACEBOOK).loginsToRemove("accounts.google.com"));

        assertThat(identity.describeIdentity(r -> r.identityId(ann)).logins()).containsExactly("graph.facebook.com");
        assertThat(identity.getCredentialsForIdentity(r -> r.identityId(ann).logins(FACEBOOK)).identityId())
                .isEqualTo(ann);
        assertThat(identity.getId(r -> r.identityPoolId(pool).logins(FACEBOOK)).identityId()).isEqualTo(ann);
        String again = identity.getId(r -> r.identityPoolId(pool).logins(GOOGLE)).identityId();
        assertThat(again).isNotEqualTo(ann);
    }

    @Test
    void unlinkingTheLastLoginLeavesTheIdentityInaccessible() {
        identity.unlinkIdentity(r -> r.identityId(ann).logins(GOOGLE).loginsToRemove("accounts.google.com",
                "graph.facebook.com"));

        assertForbidden(ann, FACEBOOK);
        assertThat(identity.getId(r -> r.identityPoolId(pool).logins(FACEBOOK)).identityId()).isNotEqualTo(ann);
    }

    @Test
    void getIdRacingTheUnlinkNeverLeavesTheLoginOnTwoIdentities() throws Exception {
        ExecutorService device = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch asking = new CountDownLatch(3);
            Future<Set<String>> seen = device.submit(() -> getIdUntilNew(asking));
            assertThat(asking.await(30, TimeUnit.SECONDS)).as("GetId answered before the unlink").isTrue();

            identity.unlinkIdentity(r -> r.identityId(ann).logins(FACEBOOK).loginsToRemove("accounts.google.com"));

            Set<String> answered = seen.get(30, TimeUnit.SECONDS);
            assertThat(answered).hasSize(2).contains(ann);
            assertThat(identity.describeIdentity(r -> r.identityId(ann)).logins())
                    .containsExactly("graph.facebook.com");
            String again = identity.getId(r -> r.identityPoolId(pool).logins(GOOGLE)).identityId();
            assertThat(answered).contains(again);
        } finally {
            device.shutdownNow();
        }
    }

    /** The identities GetId answers for Google's login, asked until it answers one other than ann's. */
    private Set<String> getIdUntilNew(CountDownLatch asking) {
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String found = identity.getId(r -> r.identityPoolId(pool).logins(GOOGLE)).identityId();
            answered.add(found);
            asking.countDown();
            if (!found.equals(ann)) {
                return answered;
            }
        }
        return answered;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("developerRefusals")
    void aRefusedDeveloperUnlinkChangesNothing(Refusal<UnlinkDeveloperIdentityRequest.Builder> refusal) {
        Ids ids = ids();
        CognitoIdentityClient client = refusal.asDevice() ? CognitoSyncEmulatorExtension.identityClient(
                emulator.endpoint(), Pools.credentialsOf(identity, Pools.newIdentity(identity, pool))) : identity;

        assertThatThrownBy(() -> client.unlinkDeveloperIdentity(r -> refusal.request().accept(r.identityPoolId(pool)
                .identityId(alice).developerProviderName(PROVIDER).developerUserIdentifier("alice"), ids)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> ServiceErrors.assertError(e, refusal.code(),
                        400, refusal.message().apply(ids)));
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loginRefusals")
    void aRefusedUnlinkOfLoginsChangesNothing(Refusal<UnlinkIdentityRequest.Builder> refusal) {
        Ids ids = ids();

        assertThatThrownBy(() -> identity.unlinkIdentity(r -> refusal.request().accept(r.identityId(ann)
                .logins(FACEBOOK).loginsToRemove("accounts.google.com"), ids)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> ServiceErrors.assertError(e, refusal.code(),
                        400, refusal.message().apply(ids)));
        assertUnchanged();
    }

    static Stream<Refusal<UnlinkDeveloperIdentityRequest.Builder>> developerRefusals() {
        return Stream.of(
                new Refusal<>("no user", false, (r, ids) -> r.developerUserIdentifier(null),
                        "InvalidParameterException", ids -> "1 validation error detected: Value null at "
                                + "'developerUserIdentifier' failed to satisfy constraint: Member must not be null"),
                new Refusal<>("no provider", false, (r, ids) -> r.developerProviderName(null),
                        "InvalidParameterException", ids -> "1 validation error detected: Value null at "
                                + "'developerProviderName' failed to satisfy constraint: Member must not be null"),
                new Refusal<>("an identity of another pool", false, (r, ids) -> r.identityId(ids.stranger()),
                        "ResourceNotFoundException", ids -> "Identity '" + ids.stranger() + "' not found."),
                new Refusal<>("another pool's id", false, (r, ids) -> r.identityPoolId(ids.otherPool()),
                        "ResourceNotFoundException", ids -> "Identity '" + ids.alice() + "' not found."),
                new Refusal<>("an unknown identity", false, (r, ids) -> r.identityId(ids.unknown()),
                        "ResourceNotFoundException", ids -> "Identity '" + ids.unknown() + "' not found."),
                new Refusal<>("another provider", false, (r, ids) -> r.developerProviderName("other.login"),
                        "ResourceNotFoundException", ids -> "Developer provider 'other.login' not found for "
                                + "IdentityPool '" + ids.pool() + "'."),
                new Refusal<>("a user of another identity", false, (r, ids) -> r.identityId(ids.ann()),
                        "ResourceConflictException", ids -> "Developer user 'alice' is not linked to Identity '"
                                + ids.ann() + "'."),
                new Refusal<>("Cognito credentials", true, (r, ids) -> { }, "NotAuthorizedException",
                        ids -> "This operation requires developer credentials."));
    }

    static Stream<Refusal<UnlinkIdentityRequest.Builder>> loginRefusals() {
        return Stream.of(
                new Refusal<>("no logins to remove", false, (r, ids) -> r.loginsToRemove((List<String>) null),
                        "InvalidParameterException", ids -> "1 validation error detected: Value null at "
                                + "'loginsToRemove' failed to satisfy constraint: Member must not be null"),
                new Refusal<>("no logins", false, (r, ids) -> r.logins(null), "InvalidParameterException",
                        ids -> "1 validation error detected: Value null at 'logins' failed to satisfy constraint: "
                                + "Member must not be null"),
                new Refusal<>("another user's login", false, (r, ids) -> r.logins(Map.of("graph.facebook.com",
                        "fb-someone")), "NotAuthorizedException", ids -> "Logins don't match. Please include at "
                                + "least one valid login for this identity or identity pool."),
                new Refusal<>("a login the identity does not have", false, (r, ids) -> r.loginsToRemove(
                        "www.amazon.com"), "ResourceConflictException", ids -> "Login 'www.amazon.com' is not "
                                + "linked to Identity '" + ids.ann() + "'."),
                new Refusal<>("the developer provider", false, (r, ids) -> r.loginsToRemove(PROVIDER),
                        "InvalidParameterException", ids -> "Developer provider 'login.syncshift' is unlinked with "
                                + "UnlinkDeveloperIdentity."),
                new Refusal<>("an unknown identity", false, (r, ids) -> r.identityId(ids.unknown()),
                        "ResourceNotFoundException", ids -> "Identity '" + ids.unknown() + "' not found."));
    }

    /** The ids a refused request names. */
    record Ids(String pool, String alice, String ann, String otherPool, String stranger, String unknown) {
    }

    /** An unlink refused: how its request is bent, whether a device sends it, the error's name and its text. */
    record Refusal<B>(String name, boolean asDevice, BiConsumer<B, Ids> request, String code,
            Function<Ids, String> message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Ids ids() {
        String otherPool = DeveloperPools.newPool(identity, PROVIDER);
        return new Ids(pool, alice, ann, otherPool, DeveloperPools.developerIdentity(identity, otherPool, PROVIDER,
                "stranger"), "us-east-1:00000000-0000-4000-8000-0000000000ff");
    }

    private void assertUnchanged() {
        assertThat(identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool).developerUserIdentifier("alice"))
                .identityId()).isEqualTo(alice);
        assertThat(identity.describeIdentity(r -> r.identityId(ann)).logins())
                .containsExactlyInAnyOrder("graph.facebook.com", "accounts.google.com");
        assertThat(identity.getId(r -> r.identityPoolId(pool).logins(GOOGLE)).identityId()).isEqualTo(ann);
    }

    private void assertForbidden(String identityId, Map<String, String> logins) {
        assertThatThrownBy(() -> identity.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins)))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> ServiceErrors.assertError(e,
                        "NotAuthorizedException", 400, "Access to Identity '" + identityId + "' is forbidden."));
    }
}
