package dev.syncshift.client;

import dev.syncshift.client.remote.SdkProxy;
import dev.syncshift.client.remote.appsync.AppSyncRemoteStore;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials.IdentityChange;
import dev.syncshift.client.remote.cognito.CognitoSyncRemoteStore;
import dev.syncshift.client.remote.cutover.CutoverRemoteStore;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.RememberedIdentity;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * What a {@link CognitoSyncManager} is built from, and how its adapters are made: the one place that knows every
 * adapter class.
 *
 * @param pool the identity pool
 * @param backend the chosen backend
 * @param region the AppSync API's region, which its requests are signed for (Cognito Identity and Cognito Sync are
 *     always called in the pool's region)
 * @param cognitoEndpoint an endpoint override for Cognito Identity and Cognito Sync, or null
 * @param appSyncEndpoint the AppSync GraphQL URL, or null (cognito backend)
 * @param appSyncRealtimeEndpoint the AppSync real-time URL, or null to derive it
 * @param cache the local cache
 * @param executor where synchronizes run (an {@link java.util.concurrent.ExecutorService} the builder made is shut
 *     down when the manager closes)
 * @param clock the clock
 * @param identityId the identity id known at start (given by the app, else the one the cache remembered), or null
 * @param remembered what the cache remembered of the device's identity at start, read once with its count of wipes
 * @param logins asked for the logins each time credentials are fetched
 * @param customRemote a remote factory replacing the backend's, or null
 * @param ownsExecutor whether the manager made the executor (and shuts it down)
 */
public record ManagerWiring(IdentityPoolId pool, Backend backend, String region, @Nullable URI cognitoEndpoint,
        @Nullable URI appSyncEndpoint, @Nullable URI appSyncRealtimeEndpoint, LocalCache cache, Executor executor,
        Clock clock, @Nullable IdentityId identityId, RememberedIdentity remembered, LoginsProvider logins,
        @Nullable RemoteFactory customRemote, boolean ownsExecutor) {

    CognitoIdentityCredentials credentials(IdentityChange identityChanged) {
        CognitoIdentityClient identity = CognitoIdentityClient.builder().region(Region.of(pool.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(SdkProxy.sdkHttpClient())
                .applyMutation(b -> {
                    if (cognitoEndpoint != null) {
                        b.endpointOverride(cognitoEndpoint);
                    }
                }).build();
        // Two managers of one cache file that each got an identity keep the first one remembered there (taken from
        // the file, as a login there is followed); one whose identity a login in the other merged away takes the
        // survivor remembered there.
        return new CognitoIdentityCredentials(identity, pool, identityId, logins, clock, identityChanged,
                answered -> cache.rememberFirstIdentity(pool, answered),
                gone -> cache.identity(pool).filter(remembered -> !remembered.equals(gone)));
    }

    RemoteStore remote(AwsCredentialsProvider credentials) {
        return customRemote != null ? customRemote.create(this, credentials) : backendRemote(credentials);
    }

    /** The remote of the chosen backend, signing with {@code credentials}. */
    public RemoteStore backendRemote(AwsCredentialsProvider credentials) {
        return switch (backend) {
            case COGNITO -> cognito(credentials);
            case APPSYNC -> appSync(credentials);
            case CUTOVER -> new CutoverRemoteStore(cognito(credentials), appSync(credentials));
        };
    }

    /** The AppSync remote, signing with {@code credentials}. */
    public AppSyncRemoteStore appSync(AwsCredentialsProvider credentials) {
        URI graphql = Objects.requireNonNull(appSyncEndpoint, "appSyncEndpoint");
        URI realtime = appSyncRealtimeEndpoint != null ? appSyncRealtimeEndpoint
                : AppSyncRemoteStore.realtimeEndpoint(graphql);
        return new AppSyncRemoteStore(graphql, realtime, region, credentials, clock);
    }

    /** The Cognito Sync remote, signing with {@code credentials}. */
    public CognitoSyncRemoteStore cognito(AwsCredentialsProvider credentials) {
        CognitoSyncClient client = CognitoSyncClient.builder().region(Region.of(pool.region()))
                .credentialsProvider(credentials)
                .httpClient(SdkProxy.sdkHttpClient())
                .applyMutation(b -> {
                    if (cognitoEndpoint != null) {
                        b.endpointOverride(cognitoEndpoint);
                    }
                }).build();
        return new CognitoSyncRemoteStore(client, pool);
    }
}
