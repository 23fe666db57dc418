package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.LookupDeveloperIdentityRequest;
import software.amazon.awssdk.services.cognitoidentity.model.LookupDeveloperIdentityResponse;

/** LookupDeveloperIdentity as AWS documents it: a user's identity, or an identity's developer user ids, paged. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class LookupDeveloperIdentityTest {

    private static final String PROVIDER = "login.syncshift";

    private final CognitoIdentityClient identity;
    private final CognitoSyncEmulator emulator;
    private String pool;
    private String alice;

    LookupDeveloperIdentityTest(CognitoIdentityClient identity, CognitoSyncEmulator emulator) {
        this.identity = identity;
        this.emulator = emulator;
    }

    @BeforeEach
    void aliceWithThreeMergedUsers() {
        pool = DeveloperPools.newPool(identity, PROVIDER);
        alice = DeveloperPools.developerIdentity(identity, pool, PROVIDER, "alice");
        Stream.of("dave", "bob", "carol").forEach(user -> {
            DeveloperPools.developerIdentity(identity, pool, PROVIDER, user);
            identity.mergeDeveloperIdentities(r -> r.identityPoolId(pool).developerProviderName(PROVIDER)
                    .sourceUserIdentifier(user).destinationUserIdentifier("alice"));
        });
    }

    @Test
    void aUserIsFoundWithItsIdentity() {
        LookupDeveloperIdentityResponse found = identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .developerUserIdentifier("carol"));

        assertThat(found.identityId()).isEqualTo(alice);
        assertThat(found.developerUserIdentifierList()).containsExactly("carol");
        assertThat(found.nextToken()).isNull();
    }

    @Test
    void anIdentitysUserIdsComeInPagesOfMaxResults() {
        LookupDeveloperIdentityResponse first = identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId(alice).maxResults(3));
        LookupDeveloperIdentityResponse second = identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId(alice).maxResults(3).nextToken(first.nextToken()));
        LookupDeveloperIdentityResponse whole = identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId(alice));

        assertThat(first.identityId()).isEqualTo(alice);
        assertThat(first.developerUserIdentifierList()).containsExactly("alice", "bob", "carol");
        assertThat(first.nextToken()).isNotBlank();
        assertThat(second.developerUserIdentifierList()).containsExactly("dave");
        assertThat(second.nextToken()).isNull();
        assertThat(whole.developerUserIdentifierList()).containsExactly("alice", "bob", "carol", "dave");
        assertThat(whole.nextToken()).isNull();
    }

    @Test
    void bothGivenAndMatchingAreAnsweredAsSent() {
        LookupDeveloperIdentityResponse found = identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId(alice).developerUserIdentifier("bob"));

        assertThat(found.identityId()).isEqualTo(alice);
        assertThat(found.developerUserIdentifierList()).containsExactly("bob");
    }

    @Test
    void anIdentityWithoutDeveloperUsersHasAnEmptyList() {
        String guest = Pools.newIdentity(identity, pool);

        LookupDeveloperIdentityResponse found = identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId(guest));

        assertThat(found.identityId()).isEqualTo(guest);
        assertThat(found.developerUserIdentifierList()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedLookupIsAnsweredWithAwsErrorName(Refusal refusal) {
        String otherPool = DeveloperPools.newPool(identity, PROVIDER);
        Ids ids = new Ids(alice, DeveloperPools.developerIdentity(identity, otherPool, PROVIDER, "stranger"));

        assertThatThrownBy(() -> client(refusal).lookupDeveloperIdentity(r -> refusal.request().accept(
                r.identityPoolId(pool), ids))).isInstanceOfSatisfying(AwsServiceException.class,
                        e -> ServiceErrors.assertError(e, refusal.code(), 400, refusal.message().apply(ids)));
    }

    private CognitoIdentityClient client(Refusal refusal) {
        if (!refusal.asDevice()) {
            return identity;
        }
        return CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(), Pools.credentialsOf(identity,
                Pools.newIdentity(identity, pool)));
    }

    /** The identities a refused request names: alice's, and one of another pool. */
    record Ids(String alice, String stranger) {
    }

    /** A lookup refused: its request, whether a device sends it, the error's name and its text. */
    record Refusal(String name, boolean asDevice, BiConsumer<LookupDeveloperIdentityRequest.Builder, Ids> request,
            String code, Function<Ids, String> message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        String notFound = "Developer user '%s' not found for developer provider 'login.syncshift'.";
        String unknownPool = "us-east-1:00000000-0000-4000-8000-0000000000ff";
        return Stream.of(
                new Refusal("neither identity nor user", false, (r, ids) -> { }, "InvalidParameterException",
                        ids -> "Either IdentityId or DeveloperUserIdentifier must be provided."),
                new Refusal("an unknown user", false, (r, ids) -> r.developerUserIdentifier("zed"),
                        "ResourceNotFoundException", ids -> notFound.formatted("zed")),
                new Refusal("a user of another pool", false, (r, ids) -> r.developerUserIdentifier("stranger"),
                        "ResourceNotFoundException", ids -> notFound.formatted("stranger")),
                new Refusal("an identity of another pool", false, (r, ids) -> r.identityId(ids.stranger()),
                        "ResourceNotFoundException", ids -> "Identity '" + ids.stranger() + "' not found."),
                new Refusal("an unknown pool", false, (r, ids) -> r.identityPoolId(unknownPool)
                        .developerUserIdentifier("alice"), "ResourceNotFoundException",
                        ids -> "IdentityPool '" + unknownPool + "' not found."),
                new Refusal("a user not linked to the identity", false, (r, ids) -> r.identityId(ids.alice())
                        .developerUserIdentifier("stranger"), "ResourceConflictException",
                        ids -> "Developer user 'stranger' is not linked to Identity '" + ids.alice() + "'."),
                new Refusal("MaxResults 61", false, (r, ids) -> r.identityId(ids.alice()).maxResults(61),
                        "InvalidParameterException", ids -> "1 validation error detected: Value '61' at "
                                + "'maxResults' failed to satisfy constraint: Member must have value less than or "
                                + "equal to 60"),
                new Refusal("a token this lookup did not issue", false, (r, ids) -> r.identityId(ids.alice())
                        .nextToken("abc"), "InvalidParameterException", ids -> "1 validation error detected: "
                                + "Value 'abc' at 'nextToken' failed to satisfy constraint: Member must be a token "
                                + "returned by this API"),
                new Refusal("Cognito credentials", true, (r, ids) -> r.developerUserIdentifier("alice"),
                        "NotAuthorizedException", ids -> "This operation requires developer credentials."));
    }
}
