package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityPoolResponse;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityResponse;
import software.amazon.awssdk.services.cognitoidentity.model.GetOpenIdTokenResponse;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityDescription;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityPoolShortDescription;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentitiesRequest;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentitiesResponse;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentityPoolsResponse;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

/** The Cognito Identity operations answering as the real service does, through the real SDK. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class IdentityOperationsTest {

    private final CognitoIdentityClient identity;

    IdentityOperationsTest(CognitoIdentityClient identity) {
        this.identity = identity;
    }

    @Test
    void describeIdentityPoolReturnsEveryMemberCreateIdentityPoolWasGiven() {
        String pool = identity.createIdentityPool(p -> p.identityPoolName("full pool")
                .allowUnauthenticatedIdentities(false).allowClassicFlow(true)
                .supportedLoginProviders(Map.of("graph.facebook.com", "7346241598935552"))
                .developerProviderName("login.syncshift")
                .openIdConnectProviderARNs("arn:aws:iam::123456789012:oidc-provider/example.com")
                .cognitoIdentityProviders(CognitoIdentityProvider.builder()
                        .providerName("cognito-idp.us-east-1.amazonaws.com/us-east-1_abc").clientId("client1")
                        .serverSideTokenCheck(true).build())
                .samlProviderARNs("arn:aws:iam::123456789012:saml-provider/corp")
                .identityPoolTags(Map.of("team", "sync"))).identityPoolId();

        DescribeIdentityPoolResponse described = identity.describeIdentityPool(r -> r.identityPoolId(pool));

        assertThat(described.identityPoolId()).isEqualTo(pool);
        assertThat(described.identityPoolName()).isEqualTo("full pool");
        assertThat(described.allowUnauthenticatedIdentities()).isFalse();
        assertThat(described.allowClassicFlow()).isTrue();
        assertThat(described.supportedLoginProviders()).containsExactly(
                Map.entry("graph.facebook.com", "7346241598935552"));
        assertThat(described.developerProviderName()).isEqualTo("login.syncshift");
        assertThat(described.openIdConnectProviderARNs()).containsExactly(
                "arn:aws:iam::123456789012:oidc-provider/example.com");
        assertThat(described.cognitoIdentityProviders()).extracting(CognitoIdentityProvider::clientId,
                CognitoIdentityProvider::serverSideTokenCheck).containsExactly(
                org.assertj.core.groups.Tuple.tuple("client1", true));
        assertThat(described.samlProviderARNs()).containsExactly("arn:aws:iam::123456789012:saml-provider/corp");
        assertThat(described.identityPoolTags()).containsExactly(Map.entry("team", "sync"));
    }

    @Test
    void listIdentityPoolsPagesThroughEveryPoolOnceInIdOrderAndForgetsDeletedOnes() {
        List<String> created = IntStream.range(0, 5).mapToObj(i -> Pools.newPool(identity)).toList();
        identity.deleteIdentityPool(r -> r.identityPoolId(created.get(0)));

        List<List<String>> pages = pagesOfPools(2);

        List<String> listed = pages.stream().flatMap(List::stream).toList();
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(2));
        assertThat(listed).doesNotHaveDuplicates().isSorted().containsAll(created.subList(1, 5))
                .doesNotContain(created.get(0));
    }

    @Test
    void getIdReturnsTheSameIdentityForTheSameLoginAndLinksNewLoginsToIt() {
        String pool = Pools.newPool(identity);
        String first = identity.getId(r -> r.identityPoolId(pool).accountId("123456789012")
                .logins(Map.of("graph.facebook.com", "fb-1"))).identityId();

        String again = identity.getId(r -> r.identityPoolId(pool)
                .logins(Map.of("graph.facebook.com", "fb-1", "accounts.google.com", "g-1"))).identityId();
        String byNewLogin = identity.getId(r -> r.identityPoolId(pool)
                .logins(Map.of("accounts.google.com", "g-1"))).identityId();

        assertThat(again).isEqualTo(first);
        assertThat(byNewLogin).isEqualTo(first);
        assertThat(identity.describeIdentity(r -> r.identityId(first)).logins())
                .containsExactly("accounts.google.com", "graph.facebook.com");
        assertThat(Pools.newIdentity(identity, pool)).isNotEqualTo(first);
    }

    @Test
    void getOpenIdTokenReturnsAJwtShapedTokenForTheIdentity() {
        String pool = Pools.newPool(identity);
        String id = Pools.newIdentity(identity, pool);

        GetOpenIdTokenResponse token = identity.getOpenIdToken(r -> r.identityId(id));

        assertThat(token.identityId()).isEqualTo(id);
        String[] parts = token.token().split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1])))
                .contains("\"sub\":\"" + id + "\"", "\"aud\":\"" + pool + "\"", "\"unauthenticated\"");
    }

    @Test
    void developerIdentitiesAreFoundByTheirUserIdAndCanBeLinkedToAnExistingIdentity() {
        String pool = DeveloperPools.newPool(identity, "login.syncshift");
        String unauthenticated = Pools.newIdentity(identity, pool);

        String alice = DeveloperPools.developerIdentity(identity, pool, "login.syncshift", "alice");
        String aliceAgain = identity.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .logins(Map.of("login.syncshift", "alice")).tokenDuration(60L)).identityId();
        String linked = identity.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId(unauthenticated).logins(Map.of("login.syncshift", "bob"))).identityId();
        String byGetId = identity.getId(r -> r.identityPoolId(pool).logins(Map.of("login.syncshift", "bob")))
                .identityId();

        assertThat(aliceAgain).isEqualTo(alice);
        assertThat(linked).isEqualTo(unauthenticated);
        assertThat(byGetId).isEqualTo(unauthenticated);
        DescribeIdentityResponse described = identity.describeIdentity(r -> r.identityId(unauthenticated));
        assertThat(described.logins()).containsExactly("login.syncshift");
        assertThat(described.lastModifiedDate()).isAfterOrEqualTo(described.creationDate());
    }

    @Test
    void aDeviceOfADeveloperAuthenticatedUserSignsInWithTheTokenItsBackendGot(CognitoSyncEmulator emulator) {
        String pool = DeveloperPools.newPool(identity, "login.syncshift");
        var issued = identity.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .logins(Map.of("login.syncshift", "erin")));
        Map<String, String> token = Map.of("cognito-identity.amazonaws.com", issued.token());

        String id = identity.getId(r -> r.identityPoolId(pool).logins(token)).identityId();
        var credentials = identity.getCredentialsForIdentity(r -> r.identityId(id).logins(token)).credentials();
        var device = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(),
                software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(credentials.accessKeyId(),
                        credentials.secretKey(), credentials.sessionToken()));

        assertThat(id).isEqualTo(issued.identityId());
        assertThat(new SyncDataset(device, pool, id, "prefs").push(SyncDataset.replace("k", "v", 0)))
                .extracting(software.amazon.awssdk.services.cognitosync.model.Record::lastModifiedBy)
                .containsExactly(id);
        assertThat(identity.describeIdentity(r -> r.identityId(id)).logins()).containsExactly("login.syncshift");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void listIdentitiesPagesByIdAndHidesDisabledIdentitiesOnlyWhenAsked(Listing listing,
            CognitoSyncEmulator emulator) {
        String pool = Pools.newPool(identity);
        List<String> ids = new ArrayList<>(IntStream.range(0, 5).mapToObj(i -> Pools.newIdentity(identity, pool))
                .sorted().toList());
        String disabled = ids.get(2);
        disable(emulator, disabled);

        List<ListIdentitiesResponse> pages = pagesOfIdentities(pool, 2, listing.request());

        assertThat(pages).allSatisfy(page -> assertThat(page.identityPoolId()).isEqualTo(pool));
        assertThat(pages).extracting(page -> page.identities().size()).containsExactlyElementsOf(listing.sizes());
        List<String> listed = pages.stream().flatMap(page -> page.identities().stream())
                .map(IdentityDescription::identityId).toList();
        assertThat(listed).containsExactlyElementsOf(listing.hidesDisabled()
                ? ids.stream().filter(id -> !id.equals(disabled)).toList() : ids);
    }

    /** AWS's words for a disabled identity, as users met them (amplify-js #6616, #5696). */
    @Test
    void aDisabledIdentityGetsNeitherCredentialsNorTokensAndLinksNoLogins(CognitoSyncEmulator emulator) {
        String pool = Pools.newPool(identity);
        String disabled = Pools.newIdentity(identity, pool);
        disable(emulator, disabled);
        String forbidden = "Access to Identity '" + disabled + "' is forbidden.";

        assertThatThrownBy(() -> identity.getCredentialsForIdentity(r -> r.identityId(disabled)))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotAuthorizedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(forbidden);
                });
        assertThatThrownBy(() -> identity.getOpenIdToken(r -> r.identityId(disabled)
                .logins(Map.of("graph.facebook.com", "fb-disabled"))))
                .isInstanceOfSatisfying(NotAuthorizedException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(forbidden));
        assertThat(identity.describeIdentity(r -> r.identityId(disabled)).logins()).isEmpty();
    }

    private static void disable(CognitoSyncEmulator emulator, String identityId) {
        StoredIdentity stored = emulator.identityStore().identity(new IdentityId(identityId)).orElseThrow();
        emulator.identityStore().putIdentity(new StoredIdentity(stored.id(), stored.poolId(), stored.logins(),
                stored.creationDate(), stored.lastModifiedDate(), true));
    }

    /** A ListIdentities variant: how HideDisabled is sent and the page sizes it yields for five identities. */
    record Listing(String name, UnaryOperator<ListIdentitiesRequest.Builder> request, boolean hidesDisabled,
            List<Integer> sizes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Listing> listings() {
        return Stream.of(
                new Listing("HideDisabled absent", r -> r, false, List.of(2, 2, 1)),
                new Listing("HideDisabled false", r -> r.hideDisabled(false), false, List.of(2, 2, 1)),
                new Listing("HideDisabled true", r -> r.hideDisabled(true), true, List.of(2, 2)));
    }

    private List<ListIdentitiesResponse> pagesOfIdentities(String pool, int size,
            UnaryOperator<ListIdentitiesRequest.Builder> variant) {
        List<ListIdentitiesResponse> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListIdentitiesResponse page = identity.listIdentities(r -> variant.apply(
                    r.identityPoolId(pool).maxResults(size).nextToken(next)));
            pages.add(page);
            token = page.nextToken();
        } while (token != null);
        return pages;
    }

    private List<List<String>> pagesOfPools(int size) {
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListIdentityPoolsResponse page = identity.listIdentityPools(r -> r.maxResults(size).nextToken(next));
            pages.add(page.identityPools().stream().map(IdentityPoolShortDescription::identityPoolId).toList());
            token = page.nextToken();
        } while (token != null);
        return pages;
    }
}
