package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.DeveloperUserAlreadyRegisteredException;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

/** Every modeled error the Cognito Identity operations produce, as the real SDK surfaces it. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class IdentityErrorsTest {

    private static final String MISSING_POOL = "us-east-1:00000000-0000-4000-8000-000000000000";
    private static final String MISSING_IDENTITY = "us-east-1:00000000-0000-4000-8000-0000000000ff";
    private static final String PATTERN = "[\\w-]+:[0-9a-f-]+";
    /** What AWS answers a linked identity asked for without one of its logins. */
    private static final String LOGINS_DO_NOT_MATCH =
            "Logins don't match. Please include at least one valid login for this identity or identity pool.";

    private final CognitoIdentityClient identity;
    private Given given;

    IdentityErrorsTest(CognitoIdentityClient identity) {
        this.identity = identity;
    }

    /** What each scenario may refer to: an open pool, a developer pool with one developer user, a closed pool. */
    record Given(CognitoIdentityClient identity, String pool, String developerPool, String developerUser,
            String closedPool, String unauthenticated, String linked) {
    }

    /** One refused call: the SDK exception (whose class names the error code) and its message. */
    record Refusal(String name, Consumer<Given> call, Class<? extends AwsServiceException> type,
            Function<Given, String> message) {

        Refusal(String name, Consumer<Given> call, Class<? extends AwsServiceException> type, String message) {
            this(name, call, type, g -> message);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void given() {
        String pool = Pools.newPool(identity);
        String developerPool = DeveloperPools.newPool(identity, "login.syncshift");
        String developerUser = DeveloperPools.developerIdentity(identity, developerPool, "login.syncshift", "alice");
        String closedPool = identity.createIdentityPool(p -> p.identityPoolName("closed")
                .allowUnauthenticatedIdentities(false)).identityPoolId();
        String linked = identity.getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-1")))
                .identityId();
        given = new Given(identity, pool, developerPool, developerUser, closedPool, Pools.newIdentity(identity, pool),
                linked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedAsTheRealServiceRefusesIt(Refusal refusal) {
        assertThatThrownBy(() -> refusal.call().accept(given))
                .isInstanceOfSatisfying(refusal.type(), e -> ServiceErrors.assertError(e,
                        refusal.type().getSimpleName(), 400, refusal.message().apply(given)));
    }

    static Stream<Refusal> refusals() {
        return Stream.of(pools(), identities(), tokens(), merges()).flatMap(s -> s);
    }

    private static Stream<Refusal> pools() {
        return Stream.of(
                new Refusal("CreateIdentityPool without a name", g -> g.identity().createIdentityPool(
                        p -> p.allowUnauthenticatedIdentities(true)), InvalidParameterException.class,
                        violation("null", "identityPoolName", "Member must not be null")),
                new Refusal("CreateIdentityPool with a name outside the pattern", g -> g.identity().createIdentityPool(
                        p -> p.identityPoolName("a/b").allowUnauthenticatedIdentities(true)),
                        InvalidParameterException.class, violation("'a/b'", "identityPoolName",
                                "Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+")),
                new Refusal("CreateIdentityPool without AllowUnauthenticatedIdentities", g -> g.identity()
                        .createIdentityPool(p -> p.identityPoolName("p")), InvalidParameterException.class,
                        violation("null", "allowUnauthenticatedIdentities", "Member must not be null")),
                new Refusal("CreateIdentityPool with a bad DeveloperProviderName", g -> g.identity()
                        .createIdentityPool(p -> p.identityPoolName("p").allowUnauthenticatedIdentities(true)
                                .developerProviderName("a b")), InvalidParameterException.class,
                        violation("'a b'", "developerProviderName",
                                "Member must satisfy regular expression pattern: [\\w._-]+")),
                new Refusal("DescribeIdentityPool of a missing pool", g -> g.identity().describeIdentityPool(
                        r -> r.identityPoolId(MISSING_POOL)), ResourceNotFoundException.class,
                        "IdentityPool '" + MISSING_POOL + "' not found."),
                new Refusal("DescribeIdentityPool with a malformed id", g -> g.identity().describeIdentityPool(
                        r -> r.identityPoolId("nope")), InvalidParameterException.class,
                        violation("'nope'", "identityPoolId", "Member must satisfy regular expression pattern: "
                                + PATTERN)),
                new Refusal("DeleteIdentityPool of a missing pool", g -> g.identity().deleteIdentityPool(
                        r -> r.identityPoolId(MISSING_POOL)), ResourceNotFoundException.class,
                        "IdentityPool '" + MISSING_POOL + "' not found."),
                new Refusal("DescribeIdentityPool of a deleted pool", g -> {
                    g.identity().deleteIdentityPool(r -> r.identityPoolId(g.pool()));
                    g.identity().describeIdentityPool(r -> r.identityPoolId(g.pool()));
                }, ResourceNotFoundException.class, g -> "IdentityPool '" + g.pool() + "' not found."),
                new Refusal("ListIdentityPools without MaxResults", g -> g.identity().listIdentityPools(r -> { }),
                        InvalidParameterException.class, violation("null", "maxResults", "Member must not be null")),
                new Refusal("ListIdentityPools with MaxResults 61", g -> g.identity().listIdentityPools(
                        r -> r.maxResults(61)), InvalidParameterException.class,
                        violation("'61'", "maxResults", "Member must have value less than or equal to 60")),
                new Refusal("ListIdentityPools with a foreign NextToken", g -> g.identity().listIdentityPools(
                        r -> r.maxResults(1).nextToken("not*base64")), InvalidParameterException.class,
                        violation("'not*base64'", "nextToken", "Member must be a token returned by this API")));
    }

    private static Stream<Refusal> identities() {
        return Stream.of(
                new Refusal("GetId of a missing pool", g -> g.identity().getId(r -> r.identityPoolId(MISSING_POOL)),
                        ResourceNotFoundException.class, "IdentityPool '" + MISSING_POOL + "' not found."),
                new Refusal("GetId without logins on a pool without unauthenticated access", g -> g.identity()
                        .getId(r -> r.identityPoolId(g.closedPool())), NotAuthorizedException.class,
                        "Unauthenticated access is not supported for this identity pool."),
                new Refusal("GetId with a non-numeric AccountId", g -> g.identity().getId(
                        r -> r.identityPoolId(g.pool()).accountId("acct")), InvalidParameterException.class,
                        violation("'acct'", "accountId", "Member must satisfy regular expression pattern: \\d+")),
                new Refusal("GetId with eleven logins", g -> g.identity().getId(
                        r -> r.identityPoolId(g.pool()).logins(elevenLogins())), InvalidParameterException.class,
                        "1 validation error detected: Value at 'logins' failed to satisfy constraint: "
                                + "Member must have length less than or equal to 10"),
                new Refusal("GetId with a token that is not an OpenID token", g -> g.identity().getId(
                        r -> r.identityPoolId(g.pool()).logins(Map.of("cognito-identity.amazonaws.com", "x.y"))),
                        NotAuthorizedException.class,
                        "Invalid login token. Not a valid OpenId Connect identity token."),
                new Refusal("GetCredentialsForIdentity with another identity's OpenID token", g -> g.identity()
                        .getCredentialsForIdentity(r -> r.identityId(g.linked()).logins(Map.of(
                                "cognito-identity.amazonaws.com", g.identity().getOpenIdToken(
                                        t -> t.identityId(g.unauthenticated())).token()))),
                        NotAuthorizedException.class, "Invalid login token. Missing a required claim: aud"),
                new Refusal("GetCredentialsForIdentity of an identity of a deleted pool", g -> {
                    g.identity().deleteIdentityPool(r -> r.identityPoolId(g.pool()));
                    g.identity().getCredentialsForIdentity(r -> r.identityId(g.unauthenticated()));
                }, ResourceNotFoundException.class, g -> "IdentityPool '" + g.pool() + "' not found."),
                new Refusal("GetOpenIdToken of an identity of a deleted pool", g -> {
                    g.identity().deleteIdentityPool(r -> r.identityPoolId(g.pool()));
                    g.identity().getOpenIdToken(r -> r.identityId(g.unauthenticated()));
                }, ResourceNotFoundException.class, g -> "IdentityPool '" + g.pool() + "' not found."),
                new Refusal("GetCredentialsForIdentity of a missing identity", g -> g.identity()
                        .getCredentialsForIdentity(r -> r.identityId(MISSING_IDENTITY)),
                        ResourceNotFoundException.class, "Identity '" + MISSING_IDENTITY + "' not found."),
                new Refusal("GetCredentialsForIdentity of a linked identity without its login", g -> g.identity()
                        .getCredentialsForIdentity(r -> r.identityId(g.linked())), NotAuthorizedException.class,
                        LOGINS_DO_NOT_MATCH),
                new Refusal("GetCredentialsForIdentity without IdentityId", g -> g.identity()
                        .getCredentialsForIdentity(r -> { }), InvalidParameterException.class,
                        violation("null", "identityId", "Member must not be null")),
                new Refusal("DescribeIdentity of a missing identity", g -> g.identity().describeIdentity(
                        r -> r.identityId(MISSING_IDENTITY)), ResourceNotFoundException.class,
                        "Identity '" + MISSING_IDENTITY + "' not found."),
                new Refusal("ListIdentities without MaxResults", g -> g.identity().listIdentities(
                        r -> r.identityPoolId(g.pool())), InvalidParameterException.class,
                        violation("null", "maxResults", "Member must not be null")),
                new Refusal("ListIdentities with MaxResults 0", g -> g.identity().listIdentities(
                        r -> r.identityPoolId(g.pool()).maxResults(0)), InvalidParameterException.class,
                        violation("'0'", "maxResults", "Member must have value greater than or equal to 1")),
                new Refusal("ListIdentities with MaxResults 61", g -> g.identity().listIdentities(
                        r -> r.identityPoolId(g.pool()).maxResults(61)), InvalidParameterException.class,
                        violation("'61'", "maxResults", "Member must have value less than or equal to 60")),
                new Refusal("ListIdentities of a missing pool", g -> g.identity().listIdentities(
                        r -> r.identityPoolId(MISSING_POOL).maxResults(10)), ResourceNotFoundException.class,
                        "IdentityPool '" + MISSING_POOL + "' not found."),
                new Refusal("ListIdentities with a token that names no identity", g -> g.identity().listIdentities(
                        r -> r.identityPoolId(g.pool()).maxResults(10).nextToken("bm9wZQ")),
                        InvalidParameterException.class,
                        violation("'bm9wZQ'", "nextToken", "Member must be a token returned by this API")));
    }

    private static Stream<Refusal> tokens() {
        return Stream.of(
                new Refusal("GetOpenIdToken of a missing identity", g -> g.identity().getOpenIdToken(
                        r -> r.identityId(MISSING_IDENTITY)), ResourceNotFoundException.class,
                        "Identity '" + MISSING_IDENTITY + "' not found."),
                new Refusal("GetOpenIdToken of a linked identity with another login", g -> g.identity()
                        .getOpenIdToken(r -> r.identityId(g.linked()).logins(Map.of("graph.facebook.com", "fb-2"))),
                        NotAuthorizedException.class, LOGINS_DO_NOT_MATCH),
                new Refusal("GetOpenIdTokenForDeveloperIdentity on a pool without developer provider",
                        g -> g.identity().getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(g.pool())
                                .logins(Map.of("login.syncshift", "bob"))), InvalidParameterException.class,
                        g -> "Identity pool '" + g.pool() + "' has no developer provider."),
                new Refusal("GetOpenIdTokenForDeveloperIdentity without the pool's provider", g -> g.identity()
                        .getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(g.developerPool())
                                .logins(Map.of("other.provider", "bob"))), InvalidParameterException.class,
                        "Logins must contain the identity pool's developer provider 'login.syncshift'."),
                new Refusal("GetOpenIdTokenForDeveloperIdentity without logins", g -> g.identity()
                        .getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(g.developerPool())),
                        InvalidParameterException.class, violation("null", "logins", "Member must not be null")),
                new Refusal("GetOpenIdTokenForDeveloperIdentity with TokenDuration 86401", g -> g.identity()
                        .getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(g.developerPool())
                                .logins(Map.of("login.syncshift", "bob")).tokenDuration(86_401L)),
                        InvalidParameterException.class, violation("'86401'", "tokenDuration",
                                "Member must have value less than or equal to 86400")),
                new Refusal("GetOpenIdTokenForDeveloperIdentity linking a user of another identity",
                        g -> g.identity().getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(g.developerPool())
                                .identityId(DeveloperPools.developerIdentity(g.identity(), g.developerPool(),
                                        "login.syncshift", "carol"))
                                .logins(Map.of("login.syncshift", "alice"))),
                        DeveloperUserAlreadyRegisteredException.class, "The provided developer user identifier is "
                                + "already registered with Cognito under a different identity ID."));
    }

    private static Stream<Refusal> merges() {
        return Stream.of(
                new Refusal("MergeDeveloperIdentities of an unknown source user", g -> g.identity()
                        .mergeDeveloperIdentities(r -> r.identityPoolId(g.developerPool())
                                .developerProviderName("login.syncshift").sourceUserIdentifier("nobody")
                                .destinationUserIdentifier("alice")), ResourceNotFoundException.class,
                        "Developer user 'nobody' not found for developer provider 'login.syncshift'."),
                new Refusal("MergeDeveloperIdentities naming another provider", g -> g.identity()
                        .mergeDeveloperIdentities(r -> r.identityPoolId(g.developerPool())
                                .developerProviderName("other.provider").sourceUserIdentifier("alice")
                                .destinationUserIdentifier("alice")), ResourceNotFoundException.class,
                        g -> "Developer provider 'other.provider' not found for IdentityPool '" + g.developerPool()
                                + "'."),
                new Refusal("MergeDeveloperIdentities without SourceUserIdentifier", g -> g.identity()
                        .mergeDeveloperIdentities(r -> r.identityPoolId(g.developerPool())
                                .developerProviderName("login.syncshift").destinationUserIdentifier("alice")),
                        InvalidParameterException.class,
                        violation("null", "sourceUserIdentifier", "Member must not be null")));
    }

    private static Map<String, String> elevenLogins() {
        return IntStream.range(0, 11).boxed().collect(Collectors.toMap(i -> "provider" + i, i -> "user" + i));
    }

    private static String violation(String value, String member, String constraint) {
        return "1 validation error detected: Value " + value + " at '" + member + "' failed to satisfy constraint: "
                + constraint;
    }
}
