package dev.syncshift.client;

import static dev.syncshift.client.Arguments.notNull;

import dev.syncshift.client.cache.memory.InMemoryLocalCache;
import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.client.remote.SdkProxy;
import dev.syncshift.client.remote.appsync.AppSyncRemoteStore;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.RememberedIdentity;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link CognitoSyncManager}. Settings given here win over the properties file ({@link #propertiesFile});
 * the backend flag also reads the system property and the environment ({@link BackendFlag}). A setting given null
 * throws {@link IllegalArgumentException} naming it: leave a setting out to keep its default. Not thread-safe.
 */
public final class CognitoSyncManagerBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoSyncManagerBuilder.class);
    private static final Duration DEFAULT_CONNECTIVITY_RETRY = Duration.ofSeconds(10);
    private static final String WEB = "https|http";

    private @Nullable String identityPoolId;
    private @Nullable String region;
    private @Nullable URI cognitoEndpoint;
    private @Nullable URI appSyncEndpoint;
    private @Nullable URI appSyncRealtimeEndpoint;
    private @Nullable Backend backend;
    private @Nullable Path propertiesFile;
    private @Nullable Path cacheFile;
    private @Nullable LocalCache localCache;
    private @Nullable Executor executor;
    private Clock clock = Clock.systemUTC();
    private @Nullable String identityId;
    private LoginsProvider logins = Map::of;
    private @Nullable RemoteFactory remote;
    private Duration connectivityRetryInterval = DEFAULT_CONNECTIVITY_RETRY;

    CognitoSyncManagerBuilder() {
    }

    /** The Cognito identity pool (required here or as {@code syncshift.identityPoolId} in the properties file). */
    public CognitoSyncManagerBuilder identityPoolId(String identityPoolId) {
        this.identityPoolId = notNull("identityPoolId", identityPoolId);
        return this;
    }

    /**
     * The AppSync API's region, which its requests are signed for; default the region in the API's AppSync host name
     * ({@code <id>.appsync-api.<region>.amazonaws.com}), else the pool id's. Cognito Identity and Cognito Sync are
     * always called in the pool's region, the only one that has the pool.
     */
    public CognitoSyncManagerBuilder region(String region) {
        this.region = notNull("region", region);
        return this;
    }

    /** An endpoint for Cognito Identity and Cognito Sync (a local emulator); default AWS's. */
    public CognitoSyncManagerBuilder cognitoEndpoint(URI cognitoEndpoint) {
        this.cognitoEndpoint = notNull("cognitoEndpoint", cognitoEndpoint);
        return this;
    }

    /** The AppSync API's GraphQL URL (needed by the appsync and cutover backends). */
    public CognitoSyncManagerBuilder appSyncEndpoint(URI appSyncEndpoint) {
        this.appSyncEndpoint = notNull("appSyncEndpoint", appSyncEndpoint);
        return this;
    }

    /** The AppSync real-time URL; default derived from the GraphQL URL as AppSync names it. */
    public CognitoSyncManagerBuilder appSyncRealtimeEndpoint(URI appSyncRealtimeEndpoint) {
        this.appSyncRealtimeEndpoint = notNull("appSyncRealtimeEndpoint", appSyncRealtimeEndpoint);
        return this;
    }

    /** The backend; wins over every other source of the flag. */
    public CognitoSyncManagerBuilder backend(Backend backend) {
        this.backend = notNull("backend", backend);
        return this;
    }

    /**
     * A properties file with {@code syncshift.backend} and, optionally, {@code syncshift.identityPoolId},
     * {@code syncshift.region}, {@code syncshift.cognito.endpoint}, {@code syncshift.appsync.endpoint},
     * {@code syncshift.appsync.realtimeEndpoint}, {@code syncshift.cache.file}.
     */
    public CognitoSyncManagerBuilder propertiesFile(Path propertiesFile) {
        this.propertiesFile = notNull("propertiesFile", propertiesFile);
        return this;
    }

    /** The SQLite cache file (created, or opened with its unsynchronized edits); default an in-memory cache. */
    public CognitoSyncManagerBuilder cacheFile(Path cacheFile) {
        this.cacheFile = notNull("cacheFile", cacheFile);
        return this;
    }

    /** A cache of your own (any {@link LocalCache}); wins over {@link #cacheFile}. Closed with the manager. */
    public CognitoSyncManagerBuilder localCache(LocalCache localCache) {
        this.localCache = notNull("localCache", localCache);
        return this;
    }

    /**
     * Where synchronizes run (they block on the network); default a thread pool the manager owns and shuts down when
     * it closes. Not the common fork-join pool: on a small machine one blocked synchronize would stall it.
     */
    public CognitoSyncManagerBuilder executor(Executor executor) {
        this.executor = notNull("executor", executor);
        return this;
    }

    /**
     * How often a {@link Dataset#synchronizeOnConnectivity} request that could not reach the service runs again,
     * quietly, until it does (default 10 s); {@link Duration#ZERO} leaves that to
     * {@link CognitoSyncManager#connectivityRestored()} and to other synchronizes that reach the service.
     *
     * @throws IllegalArgumentException when the interval is negative
     */
    public CognitoSyncManagerBuilder connectivityRetryInterval(Duration connectivityRetryInterval) {
        if (notNull("connectivityRetryInterval", connectivityRetryInterval).isNegative()) {
            throw new IllegalArgumentException("connectivityRetryInterval can't be negative: "
                    + connectivityRetryInterval);
        }
        this.connectivityRetryInterval = connectivityRetryInterval;
        return this;
    }

    /** The clock of local edit dates and credential renewal; default the system clock. */
    public CognitoSyncManagerBuilder clock(Clock clock) {
        this.clock = notNull("clock", clock);
        return this;
    }

    /** The device's identity id, when the app keeps it itself; default the one the cache remembers, or GetId. */
    public CognitoSyncManagerBuilder identityId(String identityId) {
        this.identityId = notNull("identityId", identityId);
        return this;
    }

    /**
     * Logins (provider name to token) for an authenticated identity; default none (unauthenticated). Their tokens
     * must stay valid for as long as the device synchronizes: for tokens that expire, give a
     * {@link #loginsProvider} instead. Replaces a logins provider given before.
     */
    public CognitoSyncManagerBuilder logins(Map<String, String> logins) {
        Map<String, String> fixed = Arguments.logins(logins);
        this.logins = () -> fixed;
        return this;
    }

    /**
     * Where the logins come from each time the device fetches its identity or credentials (about every hour), for
     * tokens that expire (a Cognito user pool's, Google's, a developer-authenticated identity's). Replaces logins
     * given before.
     */
    public CognitoSyncManagerBuilder loginsProvider(LoginsProvider loginsProvider) {
        this.logins = notNull("loginsProvider", loginsProvider);
        return this;
    }

    /**
     * Replaces the backend's remote with one of your own (any {@link RemoteStore}), built from the wiring and the
     * device's credentials; {@link ManagerWiring#backendRemote} makes the one the backend would use, to wrap.
     */
    public CognitoSyncManagerBuilder remoteStore(RemoteFactory remoteStore) {
        this.remote = notNull("remoteStore", remoteStore);
        return this;
    }

    /**
     * The manager.
     *
     * @throws IllegalStateException when no identity pool id is set, or the backend needs an AppSync endpoint and
     *     none is set
     * @throws IllegalArgumentException when the flag holds an unknown backend, or an endpoint (given here or in the
     *     properties file) is not an absolute URL of its kind (https or http; wss or ws for the real-time one), or
     *     the AppSync one has no path, or the proxy variable the AWS SDK reads ({@code http_proxy}, else
     *     {@code HTTP_PROXY}) is not a proxy URL
     */
    public CognitoSyncManager build() {
        SdkProxy.checkEnvironment(System.getenv(), System.getProperties()).ifPresent(LOG::warn);
        Properties file = propertiesFile == null ? new Properties() : SettingsFile.load(propertiesFile);
        Backend chosen = new BackendFlag(backend, System.getProperties(), System.getenv(), propertiesFile).resolve();
        String poolId = setting(identityPoolId, file, SettingsFile.POOL);
        if (poolId == null) {
            throw new IllegalStateException("identityPoolId is required");
        }
        IdentityPoolId pool = new IdentityPoolId(poolId);
        URI graphql = graphQlPath(uri(appSyncEndpoint, file, SettingsFile.APPSYNC_ENDPOINT, WEB));
        if (chosen != Backend.COGNITO && graphql == null) {
            throw new IllegalStateException("The " + chosen.flagValue() + " backend needs appSyncEndpoint");
        }
        URI cognito = uri(cognitoEndpoint, file, SettingsFile.COGNITO_ENDPOINT, WEB);
        URI realtime = uri(appSyncRealtimeEndpoint, file, SettingsFile.APPSYNC_REALTIME_ENDPOINT, "wss|ws");
        IdentityId given = identityId != null ? new IdentityId(identityId) : null;
        // Everything checked: only now is the cache (perhaps a file) opened.
        LocalCache cache = cache(file);
        // One look at the file, for the credentials and the device alike: a login or a logout by another manager or
        // process of the file while this one is built is then followed at its first synchronize.
        RememberedIdentity remembered = cache.remembered(pool);
        IdentityId known = given != null ? given : remembered.identity();
        ManagerWiring wiring = new ManagerWiring(pool, chosen, appSyncRegion(file, pool, graphql),
                cognito, graphql, realtime, cache,
                executor != null ? executor : ownExecutor(), clock, known, remembered, logins,
                remote, executor == null);
        return new CognitoSyncManager(wiring, connectivityRetryInterval);
    }

    /**
     * The manager's own pool: a thread for each synchronize running at once, not a daemon, so that one running when
     * the app's {@code main} returns still ends and reports; a thread idle for a second goes, so that a program that
     * ends without {@link CognitoSyncManager#close()} ends once its synchronizes have (a cached thread pool's threads
     * kept the JVM alive for a minute).
     */
    private static ExecutorService ownExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> new Thread(task, "syncshift-sync-" + threads.incrementAndGet()));
    }

    /** The region given, else the one in AppSync's host name, else the pool's. */
    private String appSyncRegion(Properties file, IdentityPoolId pool, @Nullable URI graphql) {
        String given = setting(region, file, SettingsFile.REGION);
        if (given != null) {
            return given;
        }
        return graphql == null ? pool.region() : AppSyncRemoteStore.regionOf(graphql).orElse(pool.region());
    }

    private LocalCache cache(Properties file) {
        if (localCache != null) {
            return localCache;
        }
        String path = cacheFile != null ? cacheFile.toString() : file.getProperty(SettingsFile.CACHE_FILE);
        return path == null ? new InMemoryLocalCache() : SqliteLocalCache.open(Path.of(path));
    }

    private static @Nullable String setting(@Nullable String given, Properties file, String name) {
        return given != null ? given : file.getProperty(name);
    }

    /**
     * {@code graphql}, unless it has no path: AppSync serves GraphQL at {@code /graphql} (a custom domain too), and
     * the real-time URL is made from that path, so a bare host would only fail at the first synchronize.
     */
    private static @Nullable URI graphQlPath(@Nullable URI graphql) {
        String path = graphql == null ? null : graphql.getRawPath();
        if (graphql != null && (path == null || path.isEmpty() || path.equals("/"))) {
            throw new IllegalArgumentException(SettingsFile.APPSYNC_ENDPOINT + " must be the API's GraphQL URL, "
                    + "with its path (https://<id>.appsync-api.<region>.amazonaws.com/graphql: the GraphQLUrl output "
                    + "of the template), not '" + graphql + "'");
        }
        return graphql;
    }

    /** An endpoint from the builder or the file: absolute, with a host, in one of {@code schemes} (a regex). */
    private static @Nullable URI uri(@Nullable URI given, Properties file, String name, String schemes) {
        String text = file.getProperty(name);
        URI uri;
        try {
            uri = given != null ? given : (text == null ? null : new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: '" + text + "'", e);
        }
        String scheme = uri == null ? null : uri.getScheme();
        if (uri != null && (scheme == null || !scheme.toLowerCase(Locale.ROOT).matches(schemes)
                || uri.getHost() == null)) {
            throw new IllegalArgumentException(name + " must be an absolute " + schemes.replace("|", " or ")
                    + " URL with a host, not '" + uri + "'");
        }
        return uri;
    }
}
