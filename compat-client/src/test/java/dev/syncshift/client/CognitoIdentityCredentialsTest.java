package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials.Source;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/** Credentials of a Cognito identity from the Cognito emulator: GetId once, renewed before they expire. */
@ExtendWith(EmulatorsExtension.class)
class CognitoIdentityCredentialsTest {

    private Instant now = Instant.now();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void credentialsAreKeptThenRenewedFiveMinutesBeforeTheyExpire(Emulators emulators) {
        List<IdentityId> learned = new ArrayList<>();
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(identity(emulators),
                new IdentityPoolId(emulators.poolId()), null, Map::of, clock, (old, id, source) -> learned.add(id));

        AwsCredentials first = credentials.resolveCredentials();
        now = now.plus(Duration.ofMinutes(50));
        AwsCredentials stillValid = credentials.resolveCredentials();
        now = now.plus(Duration.ofMinutes(6));
        AwsCredentials renewed = credentials.resolveCredentials();

        assertThat(learned).singleElement().isEqualTo(credentials.identityId());
        assertThat(stillValid.accessKeyId()).isEqualTo(first.accessKeyId());
        assertThat(renewed.accessKeyId()).isNotEqualTo(first.accessKeyId());
    }

    /**
     * A merge that joins the device's identity to another leaves it disabled: Cognito refuses it credentials ("Access
     * to Identity '…' is forbidden."). The provider asks for the device's identity again, as Amplify JS does:
     * without logins that is a new unauthenticated identity, with them the identity owning them.
     */
    @Test
    void anIdentityAMergeDisabledIsReplacedWhenItsCredentialsAreRenewed(Emulators emulators) {
        CognitoIdentityClient client = identity(emulators);
        String owner = client.getId(r -> r.identityPoolId(emulators.poolId())
                .logins(Map.of("login.compat", "erin"))).identityId();
        List<IdentityId> learned = new ArrayList<>();
        Map<String, String> logins = new java.util.HashMap<>();
        CognitoIdentityCredentials guest = new CognitoIdentityCredentials(client,
                new IdentityPoolId(emulators.poolId()), null, () -> Map.copyOf(logins), clock,
                (old, id, source) -> learned.add(id));
        IdentityId disabled = guest.identityId();
        guest.resolveCredentials();
        client.getCredentialsForIdentity(r -> r.identityId(disabled.value()).logins(Map.of("login.compat", "erin")));
        now = now.plus(Duration.ofHours(1));

        AwsCredentials renewed = guest.resolveCredentials();

        IdentityId replacement = guest.identityId();
        assertThat(renewed.accessKeyId()).isNotBlank();
        assertThat(replacement).isNotEqualTo(disabled).isNotEqualTo(new IdentityId(owner));
        assertThat(learned).containsExactly(disabled, replacement);

        logins.put("login.compat", "erin");
        CognitoIdentityCredentials signedIn = new CognitoIdentityCredentials(client,
                new IdentityPoolId(emulators.poolId()), disabled, () -> Map.copyOf(logins), clock,
                (old, id, source) -> true);
        signedIn.resolveCredentials();
        assertThat(signedIn.identityId()).isEqualTo(new IdentityId(owner));
    }

    /** A deleted identity is answered "Identity '…' not found.": the provider asks for a new one, as Amplify does. */
    @Test
    void aDeletedIdentityIsReplacedWhenItsCredentialsAreRenewed(Emulators emulators) {
        List<IdentityId> learned = new ArrayList<>();
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(identity(emulators),
                new IdentityPoolId(emulators.poolId()), null, Map::of, clock, (old, id, source) -> learned.add(id));
        IdentityId deleted = credentials.identityId();
        credentials.resolveCredentials();
        Emulators.identityClient(emulators.cognito().endpoint())
                .deleteIdentities(r -> r.identityIdsToDelete(deleted.value()));
        now = now.plus(Duration.ofHours(1));

        credentials.resolveCredentials();

        assertThat(credentials.identityId()).isNotEqualTo(deleted);
        assertThat(learned).containsExactly(deleted, credentials.identityId());
    }

    /**
     * The identity the device's cache names for a deleted one (where another manager moved the device) is taken only
     * if {@code identityChanged} takes it: refused (a logout there since the cache was read), the provider keeps its
     * identity, and the call fails without asking GetId for another.
     */
    @Test
    void aSurvivorFromTheCacheThatIsRefusedIsNotTaken(Emulators emulators) {
        CognitoIdentityClient client = identity(emulators);
        IdentityId elsewhere = new IdentityId(client.getId(r -> r.identityPoolId(emulators.poolId())).identityId());
        List<IdentityId> learned = new ArrayList<>();
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(client,
                new IdentityPoolId(emulators.poolId()), null, Map::of, clock,
                (old, id, source) -> source == Source.SERVICE && learned.add(id), UnaryOperator.identity(),
                gone -> Optional.of(elsewhere));
        IdentityId deleted = credentials.identityId();
        credentials.resolveCredentials();
        Emulators.identityClient(emulators.cognito().endpoint())
                .deleteIdentities(r -> r.identityIdsToDelete(deleted.value()));
        now = now.plus(Duration.ofHours(1));

        assertThatThrownBy(credentials::resolveCredentials).isExactlyInstanceOf(DataStorageException.class)
                .hasMessageContaining("identity " + elsewhere + " another manager or process of the device's cache "
                        + "moved the device to was wiped or moved to another identity there meanwhile");
        assertThat(credentials.knownIdentityId()).isEqualTo(deleted);
        assertThat(learned).containsExactly(deleted);
    }

    /**
     * A first identity the device's cache names in place of GetId's answer (another manager's) comes from the cache:
     * refused (the cache no longer holds it), the cache is asked once more, and takes GetId's answer when it holds
     * none; one the cache gives back as GetId answered it is the service's.
     */
    @Test
    void aFirstIdentityFromTheCacheThatIsRefusedIsAskedForOnceMore(Emulators emulators) {
        IdentityId elsewhere = new IdentityId("us-east-1:0000000b-0000-4000-8000-000000000002");
        List<IdentityId> cache = new ArrayList<>(List.of(elsewhere));
        List<Source> sources = new ArrayList<>();
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(identity(emulators),
                new IdentityPoolId(emulators.poolId()), null, Map::of, clock,
                (old, id, source) -> sources.add(source) && source == Source.SERVICE,
                answered -> cache.isEmpty() ? answered : cache.remove(0));

        IdentityId taken = credentials.identityId();

        assertThat(taken).isNotEqualTo(elsewhere);
        assertThat(sources).containsExactly(Source.SHARED_CACHE, Source.SERVICE);
    }

    /**
     * A cache whose identity is refused every time (its count of wipes is not the one the manager saw) is asked
     * twice, no more: no identity is taken, and the call fails.
     */
    @Test
    void aFirstIdentityFromTheCacheThatIsRefusedTwiceIsNotTaken(Emulators emulators) {
        IdentityId elsewhere = new IdentityId("us-east-1:0000000b-0000-4000-8000-000000000002");
        List<IdentityId> asked = new ArrayList<>();
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(identity(emulators),
                new IdentityPoolId(emulators.poolId()), null, Map::of, clock,
                (old, id, source) -> source == Source.SERVICE, answered -> {
                    asked.add(answered);
                    return elsewhere;
                });

        assertThatThrownBy(credentials::identityId).isExactlyInstanceOf(DataStorageException.class)
                .hasMessageContaining("The identity " + elsewhere + " another manager or process of the device's "
                        + "cache got was wiped or moved to another identity there while this one took it, twice");
        assertThat(credentials.knownIdentityId()).isNull();
        assertThat(asked).hasSize(2);
    }

    /**
     * A manager with no identity yet asks GetId; its credentials take the identity the file remembers (another
     * manager's signed-in user). The user logs out in the other manager just then: this manager takes the identity
     * GetId answered, and neither writes the logged-out identity back into the file nor gives it to the logged-out
     * manager's next GetId.
     */
    @Test
    void aLogoutElsewhereWhileThisManagersGetIdTakesTheFilesIdentityDoesNotBringItBack(Emulators emulators,
            @TempDir Path dir) {
        String user = "gus-" + dir.getFileName();
        String owner = emulators.developerIdentity(user);
        Path path = dir.resolve("cognito_dataset_cache.db");
        AtomicReference<Runnable> afterRememberFirst = new AtomicReference<>(() -> { });
        try (SqliteLocalCache firstFile = SqliteLocalCache.open(path);
                CognitoSyncManager second = emulators.device(Backend.COGNITO).cacheFile(path)
                        .logins(Map.of("login.compat", user)).build();
                CognitoSyncManager first = emulators.device(Backend.COGNITO)
                        .localCache(hooked(firstFile, "rememberFirstIdentity", afterRememberFirst)).build()) {
            sync(second.openOrCreateDataset("notes"));
            assertThat(second.getIdentityId()).isEqualTo(owner);
            afterRememberFirst.set(() -> { // the user logs out in the other instance
                second.setLogins(Map.of());
                second.wipeData();
            });

            String taken = first.getIdentityId();

            Optional<IdentityId> remembered = firstFile.identity(new IdentityPoolId(emulators.poolId()));
            String next = second.getIdentityId();
            assertThat(List.of(remembered, next))
                    .as("the identity the file remembers after the logout, the logged-out manager's next identity")
                    .doesNotContain(Optional.of(new IdentityId(owner)), owner);
            assertThat(taken).isNotEqualTo(owner).isEqualTo(next);
        }
    }

    /** {@code delegate}, running {@code after} (once) when a call of {@code method} has returned. */
    private static LocalCache hooked(LocalCache delegate, String method, AtomicReference<Runnable> after) {
        return (LocalCache) Proxy.newProxyInstance(LocalCache.class.getClassLoader(), new Class<?>[] {LocalCache.class},
                (proxy, m, args) -> {
                    Object result;
                    try {
                        result = m.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (m.getName().equals(method)) {
                        after.getAndSet(() -> { }).run();
                    }
                    return result;
                });
    }

    @Test
    void aPoolThatDoesNotExistIsARefusalWithTheServicesWords(Emulators emulators) {
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(identity(emulators),
                new IdentityPoolId("us-east-1:99999999-0000-4000-8000-000000000000"), null, Map::of, clock,
                (old, id, source) -> true);

        assertThatThrownBy(credentials::identityId).isInstanceOf(DataStorageException.class)
                .hasMessageStartingWith("Failed to get credentials from Cognito Identity: ");
    }

    private static CognitoIdentityClient identity(Emulators emulators) {
        return CognitoIdentityClient.builder().endpointOverride(emulators.cognito().endpoint())
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
