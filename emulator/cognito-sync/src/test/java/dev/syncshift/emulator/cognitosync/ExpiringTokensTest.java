package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.GetOpenIdTokenForDeveloperIdentityResponse;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

/**
 * An OpenID token presented as the login {@code cognito-identity.amazonaws.com} is valid until its {@code exp} claim,
 * then refused as AWS refuses it ("Invalid login token. Token expired: now >= exp"): a developer-authenticated
 * device must fetch a new one from its backend.
 */
class ExpiringTokensTest {

    private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
    private static final String PROVIDER = "login.syncshift";
    private static final String TOKEN_LOGIN = "cognito-identity.amazonaws.com";

    private final MutableClock clock = new MutableClock(START);

    @RegisterExtension
    final CognitoSyncEmulatorExtension emulator = new CognitoSyncEmulatorExtension(
            () -> CognitoSyncEmulatorConfig.builder().clock(clock));

    @Test
    void aDeveloperTokenWorksUntilItsDurationEndsThenEveryCallRefusesIt(CognitoIdentityClient developer) {
        String pool = DeveloperPools.newPool(developer, PROVIDER);
        GetOpenIdTokenForDeveloperIdentityResponse issued = developer.getOpenIdTokenForDeveloperIdentity(
                r -> r.identityPoolId(pool).logins(Map.of(PROVIDER, "alice")).tokenDuration(60L));
        Map<String, String> logins = Map.of(TOKEN_LOGIN, issued.token());

        clock.advance(Duration.ofSeconds(59));
        assertThat(developer.getCredentialsForIdentity(r -> r.identityId(issued.identityId()).logins(logins))
                .identityId()).isEqualTo(issued.identityId());

        clock.advance(Duration.ofSeconds(1));
        String expired = "Invalid login token. Token expired: " + START.plusSeconds(60).getEpochSecond() + " >= "
                + START.plusSeconds(60).getEpochSecond();
        assertRefused(expired, d -> d.getCredentialsForIdentity(r -> r.identityId(issued.identityId())
                .logins(logins)), developer);
        assertRefused(expired, d -> d.getId(r -> r.identityPoolId(pool).logins(logins)), developer);
        assertRefused(expired, d -> d.getOpenIdToken(r -> r.identityId(issued.identityId()).logins(logins)),
                developer);

        String renewed = developer.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .logins(Map.of(PROVIDER, "alice"))).token();
        assertThat(developer.getCredentialsForIdentity(r -> r.identityId(issued.identityId())
                .logins(Map.of(TOKEN_LOGIN, renewed))).credentials().accessKeyId()).isNotBlank();
    }

    @Test
    void getOpenIdTokensLastTenMinutes(CognitoIdentityClient developer) {
        String pool = Pools.newPool(developer);
        String identity = Pools.newIdentity(developer, pool);
        String token = developer.getOpenIdToken(r -> r.identityId(identity)).token();

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        developer.getCredentialsForIdentity(r -> r.identityId(identity).logins(Map.of(TOKEN_LOGIN, token)));
        clock.advance(Duration.ofSeconds(2));
        long now = clock.instant().getEpochSecond();
        assertRefused("Invalid login token. Token expired: " + now + " >= " + (now - 1),
                d -> d.getCredentialsForIdentity(r -> r.identityId(identity).logins(Map.of(TOKEN_LOGIN, token))),
                developer);
    }

    private static void assertRefused(String message, Consumer<CognitoIdentityClient> call,
            CognitoIdentityClient client) {
        assertThatThrownBy(() -> call.accept(client)).isInstanceOfSatisfying(NotAuthorizedException.class,
                e -> ServiceErrors.assertError(e, "NotAuthorizedException", 400, message));
    }
}
