package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.InvalidParameterException;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * GetOpenIdToken and GetOpenIdTokenForDeveloperIdentity (docs/cognito-sync.md#credentials): JWT-shaped tokens whose
 * claims name the identity and pool. Their signature part is random: nothing verifies them.
 */
public final class OpenIdTokenRules {

    /** GetOpenIdToken's token lifetime (10 minutes). */
    public static final Duration OPEN_ID_LIFETIME = Duration.ofMinutes(10);
    /** GetOpenIdTokenForDeveloperIdentity's default TokenDuration (15 minutes). */
    public static final Duration DEVELOPER_DEFAULT_LIFETIME = Duration.ofMinutes(15);
    private static final long MAX_TOKEN_DURATION = 86_400;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final IdentityRules identities;
    private final IdGenerator ids;
    private final Clock clock;

    /** Rules issuing tokens for the identities of {@code identities}. */
    public OpenIdTokenRules(IdentityRules identities, IdGenerator ids, Clock clock) {
        this.identities = identities;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * GetOpenIdToken: a token for the identity. An identity linked to logins must present one of them.
     *
     * @throws ResourceNotFoundException when the identity or its pool does not exist
     * @throws NotAuthorizedException when a linked identity presents no matching login
     */
    public OpenIdToken getOpenIdToken(IdentityId identityId, @Nullable Map<String, String> logins) {
        StoredIdentity identity = identities.requireIdentity(identityId);
        identities.requirePool(identity.poolId());
        Logins.checkPresented(identity, logins, clock.instant());
        return token(identity, OPEN_ID_LIFETIME);
    }

    /**
     * GetOpenIdTokenForDeveloperIdentity: finds or creates the identity linked to the developer user id in
     * {@code logins} (linking it to {@code identityId} when given) and issues a token. Developer credentials only.
     *
     * @throws InvalidParameterException when the pool has no developer provider or the logins do not name it
     * @throws DeveloperUserAlreadyRegisteredException when the user id belongs to an identity other than
     *     {@code identityId}
     */
    public OpenIdToken getOpenIdTokenForDeveloperIdentity(Caller caller, IdentityPoolId poolId,
            @Nullable IdentityId identityId, @Nullable Map<String, String> logins, @Nullable Long tokenDuration) {
        Map<String, String> given = IdentityConstraints.logins(Constraints.required("logins", logins));
        Duration lifetime = tokenDuration == null ? DEVELOPER_DEFAULT_LIFETIME
                : Duration.ofSeconds(Constraints.range("tokenDuration", tokenDuration, 1, MAX_TOKEN_DURATION));
        Access.checkDeveloper(caller);
        StoredIdentityPool pool = identities.requirePool(poolId);
        String provider = pool.developerProviderName();
        if (provider == null) {
            throw new InvalidParameterException("Identity pool '" + poolId + "' has no developer provider.");
        }
        if (!given.containsKey(provider)) {
            throw new InvalidParameterException("Logins must contain the identity pool's developer provider '"
                    + provider + "'.");
        }
        return token(identities.linkOrCreate(poolId, identityId, given), lifetime);
    }

    private OpenIdToken token(StoredIdentity identity, Duration lifetime) {
        Instant now = clock.instant();
        String amr = identity.logins().isEmpty() ? "\"unauthenticated\""
                : "\"authenticated\"," + String.join(",", identity.logins().keySet().stream().sorted()
                        .map(provider -> "\"" + provider + "\"").toList());
        String claims = "{\"sub\":\"" + identity.id() + "\",\"aud\":\"" + identity.poolId()
                + "\",\"amr\":[" + amr + "],\"iss\":\"https://cognito-identity.amazonaws.com\",\"exp\":"
                + now.plus(lifetime).getEpochSecond() + ",\"iat\":" + now.getEpochSecond() + "}";
        String header = "{\"kid\":\"" + identity.poolId().region() + "-1\",\"typ\":\"JWS\",\"alg\":\"RS512\"}";
        String signature = BASE64URL.encodeToString(ids.uuid().getBytes(StandardCharsets.UTF_8));
        return new OpenIdToken(identity.id(), base64(header) + "." + base64(claims) + "." + signature);
    }

    private static String base64(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
