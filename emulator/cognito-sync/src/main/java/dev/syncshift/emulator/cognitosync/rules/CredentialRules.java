package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.store.CredentialStore;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.StoredCredentials;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * GetCredentialsForIdentity (docs/cognito-sync.md#credentials): temporary credentials that act as one identity, and the
 * lookup that turns a request's access key back into that identity.
 */
public final class CredentialRules {


    private final IdentityStore identities;
    private final CredentialStore credentials;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration lifetime;

    /**
     * Rules issuing into {@code credentials} for identities of {@code identities}, credentials that work for
     * {@code lifetime} (one hour on AWS).
     */
    public CredentialRules(IdentityStore identities, CredentialStore credentials, IdGenerator ids, Clock clock,
            Duration lifetime) {
        this.identities = identities;
        this.credentials = credentials;
        this.ids = ids;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Issues credentials for {@code identityId}. An identity linked to logins must present one of them.
     *
     * @throws ResourceNotFoundException when the identity or its pool does not exist
     * @throws NotAuthorizedException when the identity is disabled, or a linked identity presents no matching login
     */
    public StoredCredentials getCredentialsForIdentity(IdentityId identityId, @Nullable Map<String, String> logins) {
        StoredIdentity identity = identities.identity(identityId).orElseThrow(
                () -> new ResourceNotFoundException("Identity '" + identityId + "' not found."));
        identities.pool(identity.poolId()).orElseThrow(
                () -> new ResourceNotFoundException("IdentityPool '" + identity.poolId() + "' not found."));
        requireEnabled(identity);
        Logins.checkPresented(identity, logins, clock.instant());
        StoredCredentials issued = new StoredCredentials(accessKeyId(), ids.uuid().replace("-", "") + "SECRET",
                "SESSION" + ids.uuid(), identityId, identity.poolId(), clock.instant().plus(lifetime));
        credentials.put(issued);
        return issued;
    }

    /** The identity behind {@code accessKeyId}, if it was issued here and has not expired. */
    public Optional<Caller.Identity> callerFor(String accessKeyId) {
        return credentials.find(accessKeyId)
                .filter(issued -> clock.instant().isBefore(issued.expiration()))
                .map(issued -> new Caller.Identity(issued.identityId()));
    }

    /**
     * The live credentials issued under {@code accessKeyId} and whom they act for, so that another local emulator
     * (AppSync) can accept what a device got here, as AWS accepts one device's credentials everywhere: empty when
     * nothing was issued under that key here, or it expired.
     */
    public Optional<IssuedCredentials> describeIssued(String accessKeyId) {
        return credentials.find(accessKeyId)
                .filter(found -> clock.instant().isBefore(found.expiration()))
                .map(issued -> {
                    Optional<String> provider = identities.identity(issued.identityId())
                            .flatMap(identity -> identity.logins().keySet().stream().sorted().findFirst());
                    return new IssuedCredentials(issued, provider.isPresent(), provider.orElse(null));
                });
    }

    /** The credentials issued under {@code accessKeyId}, for signature checks. */
    public Optional<StoredCredentials> issued(String accessKeyId) {
        return credentials.find(accessKeyId);
    }

    /**
     * {@code identity}, unless it is disabled: a disabled identity gets neither credentials nor tokens.
     *
     * @throws NotAuthorizedException when it is disabled
     */
    static StoredIdentity requireEnabled(StoredIdentity identity) {
        if (identity.disabled()) {
            throw Access.forbidden(identity.id());
        }
        return identity;
    }

    private String accessKeyId() {
        return "ASIA" + ids.uuid().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }
}
