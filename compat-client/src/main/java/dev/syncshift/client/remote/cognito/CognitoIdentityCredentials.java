package dev.syncshift.client.remote.cognito;

import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.LoginsProvider;
import dev.syncshift.client.remote.IdentityCredentials;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.GetCredentialsForIdentityResponse;

/**
 * Temporary AWS credentials of one Cognito identity, as AWS's mobile credentials providers get them: GetId once (the
 * id is then kept by the caller), GetCredentialsForIdentity (unauthenticated, or with the logins given), refreshed
 * {@link #REFRESH_BEFORE} before they expire. Each of these calls asks the {@link LoginsProvider} for the logins
 * afresh, so tokens that expire are renewed with the credentials. The same credentials sign Cognito Sync and
 * AppSync. When the service answers with another identity (a login joined this identity to an existing one),
 * {@code identityChanged} hears of it before the new credentials are used. When Cognito refuses the identity itself
 * (disabled by a merge that joined it to another, or deleted), the provider asks for the device's identity again
 * (GetId with the logins: the identity owning them, or a new unauthenticated one) and {@code identityChanged} hears
 * of that too. Failures are the client's exceptions
 * ({@code NetworkException}, {@code DataAccessNotAuthorizedException}, ...). Thread-safe.
 */
public final class CognitoIdentityCredentials implements IdentityCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoIdentityCredentials.class);

    /** Where an identity the provider learns comes from. */
    public enum Source {
        /**
         * Cognito Identity answered it to this provider: GetId (with the logins, if any), or credentials that name
         * another identity.
         */
        SERVICE,
        /**
         * The device's cache, where another manager or process sharing it put it (its GetId or a login there):
         * {@link #adopt}, the first identity {@code firstIdentity} takes in place of GetId's answer, or the identity
         * {@code movedElsewhere} found when Cognito refused this one.
         */
        SHARED_CACHE
    }

    /** Hears that the provider's identity changes, and may refuse one taken from the device's cache. */
    @FunctionalInterface
    public interface IdentityChange {
        /**
         * The identity is {@code current} from now on, {@code old} before (null: none was known).
         *
         * @return whether the device takes {@code current}; false (only for {@link Source#SHARED_CACHE}: the cache
         *     no longer holds it as it did when it was read, after a logout or another login there) leaves the
         *     provider with {@code old}
         */
        boolean changed(@Nullable IdentityId old, IdentityId current, Source source);
    }

    /** How long before expiry credentials are renewed. */
    public static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

    private final CognitoIdentityCalls calls;
    private final Clock clock;
    private final IdentityChange identityChanged;
    private final UnaryOperator<IdentityId> firstIdentity;
    private final Function<IdentityId, Optional<IdentityId>> movedElsewhere;
    private @Nullable IdentityId identityId;
    private LoginsProvider logins;
    private @Nullable AwsSessionCredentials credentials;
    private Instant expiration = Instant.EPOCH;

    /**
     * A provider for {@code pool}.
     *
     * @param identity a Cognito Identity client (GetId and GetCredentialsForIdentity are unsigned)
     * @param pool the identity pool
     * @param identityId the device's identity id if it has one already, else null (GetId on first use)
     * @param logins asked for the logins (provider name to token, empty for an unauthenticated identity) at each
     *     GetId and GetCredentialsForIdentity
     * @param clock decides when credentials are renewed
     * @param identityChanged told (old id or null, new id, where the new one comes from) whenever the identity id is
     *     first learned or changes
     */
    public CognitoIdentityCredentials(CognitoIdentityClient identity, IdentityPoolId pool,
            @Nullable IdentityId identityId, LoginsProvider logins, Clock clock,
            IdentityChange identityChanged) {
        this(identity, pool, identityId, logins, clock, identityChanged, UnaryOperator.identity());
    }

    /**
     * A provider for {@code pool} that may take another identity than GetId's first answer.
     *
     * @param firstIdentity given the identity GetId answered when none was known, returns the one to take: that one
     *     ({@link Source#SERVICE}), or one the device took elsewhere meanwhile (another manager or process sharing its
     *     cache file got its identity first, and the device keeps one), which is {@link Source#SHARED_CACHE}: when
     *     {@code identityChanged} refuses it, it is asked once more (the cache then holds none, or another)
     * @see #CognitoIdentityCredentials(CognitoIdentityClient, IdentityPoolId, IdentityId, LoginsProvider, Clock,
     *     IdentityChange)
     */
    public CognitoIdentityCredentials(CognitoIdentityClient identity, IdentityPoolId pool,
            @Nullable IdentityId identityId, LoginsProvider logins, Clock clock,
            IdentityChange identityChanged, UnaryOperator<IdentityId> firstIdentity) {
        this(identity, pool, identityId, logins, clock, identityChanged, firstIdentity, gone -> Optional.empty());
    }

    /**
     * A provider for {@code pool} that also follows where another manager or process sharing the device's cache moved
     * the device when Cognito refuses its identity.
     *
     * @param movedElsewhere given the identity Cognito refused as disabled or gone, the one the device was moved to
     *     elsewhere since (a login there merged the refused one into it), if any: taken instead of asking GetId,
     *     whose answer without the logins would be a new identity, which the device would then keep over the other's
     * @see #CognitoIdentityCredentials(CognitoIdentityClient, IdentityPoolId, IdentityId, LoginsProvider, Clock,
     *     IdentityChange, UnaryOperator)
     */
    public CognitoIdentityCredentials(CognitoIdentityClient identity, IdentityPoolId pool,
            @Nullable IdentityId identityId, LoginsProvider logins, Clock clock,
            IdentityChange identityChanged, UnaryOperator<IdentityId> firstIdentity,
            Function<IdentityId, Optional<IdentityId>> movedElsewhere) {
        this.calls = new CognitoIdentityCalls(identity, pool);
        this.identityId = identityId;
        this.logins = logins;
        this.clock = clock;
        this.identityChanged = identityChanged;
        this.firstIdentity = firstIdentity;
        this.movedElsewhere = movedElsewhere;
    }

    /** The identity id, asking Cognito Identity (GetId) when none is known yet. */
    public synchronized IdentityId identityId() {
        IdentityId known = identityId;
        if (known == null) {
            known = learnFirst(calls.getId(currentLogins()));
        }
        return known;
    }

    /**
     * Learns the first identity: GetId's {@code answered}, or the one {@code firstIdentity} takes from the cache in its
     * place, which is refused when the cache no longer holds it (wiped or moved to another identity there since it was
     * read); the cache is then asked once more, never more, so that a cache that keeps changing cannot hold it here.
     *
     * @throws DataStorageException when the cache's identity is refused twice: the next synchronize follows the cache
     */
    private IdentityId learnFirst(IdentityId answered) {
        for (int asked = 1; ; asked++) {
            IdentityId first = firstIdentity.apply(answered);
            if (learn(first, first.equals(answered) ? Source.SERVICE : Source.SHARED_CACHE)) {
                return first;
            }
            if (asked == 2) {
                throw new DataStorageException("The identity " + first + " another manager or process of the "
                        + "device's cache got was wiped or moved to another identity there while this one took it, "
                        + "twice; no identity was taken, and the next synchronize follows the cache");
            }
        }
    }

    /** The identity id if known, without asking the service. */
    public synchronized @Nullable IdentityId knownIdentityId() {
        return identityId;
    }

    /**
     * Asks {@code newLogins} from now on (a login or logout); the next credentials are fetched with its logins, which
     * may change the identity.
     */
    public synchronized void setLogins(LoginsProvider newLogins) {
        this.logins = newLogins;
        this.credentials = null;
        this.expiration = Instant.EPOCH;
    }

    /**
     * Forgets the credentials, keeping the identity: the next use fetches new ones. For credentials the service
     * refused although their expiry, read on the device's clock, had not come (a clock that is behind, or
     * credentials revoked).
     */
    public synchronized void renew() {
        this.credentials = null;
        this.expiration = Instant.EPOCH;
    }

    /**
     * Takes {@code id} as the device's identity and forgets the credentials: another manager or process sharing the
     * device's cache moved the device to it (a login there). {@code identityChanged} hears of it as of any change
     * ({@link Source#SHARED_CACHE}), and when it refuses it the provider keeps its identity.
     *
     * @return whether the provider took {@code id}
     */
    public synchronized boolean adopt(IdentityId id) {
        renew();
        return learn(id, Source.SHARED_CACHE);
    }

    /** Forgets the identity and credentials (a wipe); the next use asks for a new identity. */
    public synchronized void clear() {
        this.identityId = null;
        this.credentials = null;
        this.expiration = Instant.EPOCH;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        AwsSessionCredentials current = credentials;
        if (current == null || clock.instant().isAfter(expiration.minus(REFRESH_BEFORE))) {
            current = refresh();
        }
        return current;
    }

    /**
     * {@inheritDoc} The identity is checked before the credentials are resolved (a wipe forgot it; a logout or login
     * is known once renewed credentials name another) and again after, in one step with them.
     */
    @Override
    public synchronized AwsCredentials resolveCredentials(IdentityId expected) {
        checkActingFor(expected);
        AwsCredentials current = resolveCredentials();
        checkActingFor(expected);
        return current;
    }

    private void checkActingFor(IdentityId expected) {
        if (!expected.equals(identityId)) {
            throw new DataStorageException("The device's identity changed from " + expected + " to "
                    + (identityId == null ? "none yet (its data was wiped)" : identityId) + " before a call made for "
                    + expected + " was sent; it was not sent");
        }
    }

    private AwsSessionCredentials refresh() {
        IdentityId id = identityId();
        Map<String, String> presented = currentLogins();
        GetCredentialsForIdentityResponse response;
        try {
            response = calls.credentialsFor(id, presented);
        } catch (DataStorageException refused) {
            if (!CognitoSyncErrors.identityGone(refused, id)) {
                throw refused;
            }
            id = survivor(id, presented);
            response = calls.credentialsFor(id, presented);
        }
        IdentityId answered = new IdentityId(response.identityId());
        if (!answered.equals(id)) {
            learn(answered, Source.SERVICE);
        }
        Credentials issued = response.credentials();
        AwsSessionCredentials fresh = AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(),
                issued.sessionToken());
        credentials = fresh;
        expiration = issued.expiration();
        return fresh;
    }

    /**
     * The device's identity once Cognito refused {@code gone} as disabled or deleted, learned: the one another manager
     * or process sharing the cache moved the device to meanwhile, or else GetId's answer.
     *
     * @throws DataStorageException when the cache no longer holds the one another manager moved the device to (that
     *     manager logged it out, or in to another identity, meanwhile): the next synchronize follows that
     */
    private IdentityId survivor(IdentityId gone, Map<String, String> presented) {
        Optional<IdentityId> moved = movedElsewhere.apply(gone);
        if (moved.isPresent()) {
            IdentityId id = moved.get();
            LOG.info("Cognito refused identity {} as disabled or gone; another manager of the device's cache moved "
                    + "the device to {}, which this one takes", gone, id);
            if (!learn(id, Source.SHARED_CACHE)) {
                throw new DataStorageException("Cognito refused identity " + gone + " as disabled or gone, and the "
                        + "identity " + id + " another manager or process of the device's cache moved the device to "
                        + "was wiped or moved to another identity there meanwhile; the next synchronize follows it");
            }
            return id;
        }
        // A merge disabled the device's identity (or it was deleted): ask for the device's identity again, as
        // Amplify JS does (pull requests 2406 and 6618); the logins find the survivor, none a new guest identity.
        LOG.info("Cognito refused identity {} as disabled or gone (merged into another); asking for the "
                + "device's identity again", gone);
        IdentityId id = calls.getId(presented);
        learn(id, Source.SERVICE);
        return id;
    }

    /** What the provider gives now; its failure is the client's exception, with the app's as the cause. */
    private Map<String, String> currentLogins() {
        try {
            return Map.copyOf(Objects.requireNonNull(logins.logins(), "the logins"));
        } catch (RuntimeException e) {
            throw new DataStorageException("Failed to get the logins from the app's LoginsProvider: " + e, e);
        }
    }

    /**
     * Takes {@code id}, unless {@code identityChanged} refuses it or fails (the cache could not be written): then the
     * provider keeps the identity the device keeps. Returns whether it was taken.
     */
    private boolean learn(IdentityId id, Source source) {
        IdentityId old = identityId;
        identityId = id; // as the listener's calls of this provider see it
        boolean taken = false;
        try {
            taken = identityChanged.changed(old, id, source);
            return taken;
        } finally {
            if (!taken) {
                identityId = old;
            }
        }
    }
}
