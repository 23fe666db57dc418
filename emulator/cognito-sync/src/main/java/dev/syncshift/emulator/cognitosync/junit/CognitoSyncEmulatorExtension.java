package dev.syncshift.emulator.cognitosync.junit;

import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * Starts one Cognito Sync emulator per test class on a free loopback port (through {@link CognitoSyncEmulator#start},
 * the same path as the command line), injects it into test constructors and methods, and stops it when the class
 * is done.
 *
 * <p>Zero-config: {@code @ExtendWith(CognitoSyncEmulatorExtension.class)} starts an empty emulator with the
 * defaults. Configured: {@code @RegisterExtension static final CognitoSyncEmulatorExtension EMULATOR = new
 * CognitoSyncEmulatorExtension(() -> CognitoSyncEmulatorConfig.builder().generate(100).identityPoolId(POOL)
 * .seed(7).faultRate(0.05));}. Either way, {@link StrictAuth} on the class turns strict auth on, on a
 * {@link MutableClock}.
 *
 * <p>Parameters it resolves: {@link CognitoSyncEmulator}; {@link URI} (the endpoint); {@link CognitoSyncClient}
 * and {@link CognitoIdentityClient} pointed at the endpoint, in us-east-1, signing with the config's first
 * developer key ({@link #DEVELOPER} unless the config names others) at the time of the emulator's clock, and never
 * retrying, so tests see every error and throttle as sent; {@link MutableClock} when the emulator runs on one.
 * Clients are shared by the tests of a class and closed with the emulator.
 *
 * <p>Needs {@code software.amazon.awssdk:cognitosync}, {@code cognitoidentity} and {@code url-connection-client}
 * on the test class path.
 */
public final class CognitoSyncEmulatorExtension implements BeforeAllCallback, ParameterResolver {

    /**
     * The developer credentials the injected clients sign with unless the config names other developer keys:
     * {@link CognitoSyncEmulatorConfig#DEFAULT_DEVELOPER_KEY_ID} and its secret, which strict auth accepts by
     * default.
     */
    public static final AwsBasicCredentials DEVELOPER = AwsBasicCredentials.create(
            CognitoSyncEmulatorConfig.DEFAULT_DEVELOPER_KEY_ID, CognitoSyncEmulatorConfig.DEFAULT_DEVELOPER_SECRET);

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CognitoSyncEmulatorExtension.class);

    private final Supplier<CognitoSyncEmulatorConfig.Builder> config;

    /** An extension that starts emulators with the default configuration (for {@code @ExtendWith}). */
    public CognitoSyncEmulatorExtension() {
        this(CognitoSyncEmulatorConfig::builder);
    }

    /**
     * An extension that starts each test class's emulator from a fresh builder (for {@code @RegisterExtension}).
     *
     * @param config called once per test class; {@link StrictAuth} on the class then sets strict auth and a
     *     {@link MutableClock} on what it returns
     */
    public CognitoSyncEmulatorExtension(Supplier<CognitoSyncEmulatorConfig.Builder> config) {
        this.config = config;
    }

    /**
     * An extension that starts each test class's emulator from {@code config} (for {@code @RegisterExtension}).
     *
     * @param config the builder; {@link StrictAuth} on a class sets strict auth and a {@link MutableClock} on it,
     *     so give each extension a builder of its own
     */
    public CognitoSyncEmulatorExtension(CognitoSyncEmulatorConfig.Builder config) {
        this(() -> config);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CognitoSyncEmulator.class || type == URI.class || type == CognitoSyncClient.class
                || type == CognitoIdentityClient.class || type == MutableClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == URI.class) {
            return running.emulator().endpoint();
        }
        if (type == CognitoSyncClient.class) {
            return running.sync();
        }
        if (type == CognitoIdentityClient.class) {
            return running.identity();
        }
        if (type == MutableClock.class) {
            return clock(running);
        }
        return running.emulator();
    }

    /**
     * A Cognito Sync client for {@code endpoint}, signing with {@code credentials}, that never retries.
     *
     * @param endpoint the emulator's endpoint
     * @param credentials developer credentials, or temporary ones from GetCredentialsForIdentity
     * @return a new client; the caller closes it
     */
    public static CognitoSyncClient syncClient(URI endpoint, AwsCredentials credentials) {
        return syncClient(endpoint, credentials, Clock.systemUTC());
    }

    /**
     * A Cognito Sync client for {@code endpoint}, signing with {@code credentials} at the time {@code clock} tells,
     * that never retries: on the emulator's {@link MutableClock} for a device whose clock agrees with the service's
     * while time moves on, or on another clock for one whose clock is off.
     *
     * @param endpoint the emulator's endpoint
     * @param credentials developer credentials, or temporary ones from GetCredentialsForIdentity
     * @param clock the signing time
     * @return a new client; the caller closes it
     */
    public static CognitoSyncClient syncClient(URI endpoint, AwsCredentials credentials, Clock clock) {
        return pointedAt(CognitoSyncClient.builder(), endpoint, credentials, clock);
    }

    /**
     * A Cognito Identity client for {@code endpoint}, signing with {@code credentials}, that never retries.
     *
     * @param endpoint the emulator's endpoint
     * @param credentials developer credentials (unsigned operations ignore them)
     * @return a new client; the caller closes it
     */
    public static CognitoIdentityClient identityClient(URI endpoint, AwsCredentials credentials) {
        return identityClient(endpoint, credentials, Clock.systemUTC());
    }

    /**
     * A Cognito Identity client for {@code endpoint}, signing with {@code credentials} at the time {@code clock}
     * tells, that never retries.
     *
     * @param endpoint the emulator's endpoint
     * @param credentials developer credentials (unsigned operations ignore them)
     * @param clock the signing time
     * @return a new client; the caller closes it
     */
    public static CognitoIdentityClient identityClient(URI endpoint, AwsCredentials credentials, Clock clock) {
        return pointedAt(CognitoIdentityClient.builder(), endpoint, credentials, clock);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C pointedAt(B builder,
            URI endpoint, AwsCredentials credentials, Clock clock) {
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .putAuthScheme(new ClockedSigV4(clock))
                // the emulator on this machine, never through a proxy the environment names
                .httpClient(UrlConnectionHttpClient.builder()
                        .proxyConfiguration(ProxyConfiguration.builder().useEnvironmentVariablesValues(false)
                                .useSystemPropertyValues(false).build())
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(1)))
                .build();
    }

    private Running running(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class,
                key -> Running.start(config(context)), Running.class);
    }

    private CognitoSyncEmulatorConfig config(ExtensionContext context) {
        CognitoSyncEmulatorConfig.Builder builder = config.get();
        if (context.getRequiredTestClass().isAnnotationPresent(StrictAuth.class)) {
            builder.strictAuth(true).clock(new MutableClock(Instant.now()));
        }
        return builder.build();
    }

    private static MutableClock clock(Running running) {
        if (running.config().clock() instanceof MutableClock clock) {
            return clock;
        }
        throw new ParameterResolutionException("The emulator runs on " + running.config().clock()
                + ", not a MutableClock: annotate the class with @StrictAuth or configure clock(new MutableClock(..))");
    }

    /** One test class's emulator and its developer clients. */
    private record Running(CognitoSyncEmulatorConfig config, CognitoSyncEmulator emulator, CognitoSyncClient sync,
            CognitoIdentityClient identity) implements AutoCloseable {

        static Running start(CognitoSyncEmulatorConfig config) {
            CognitoSyncEmulator emulator = CognitoSyncEmulator.start(config);
            AwsBasicCredentials developer = config.developerKeys().entrySet().stream().findFirst()
                    .map(key -> AwsBasicCredentials.create(key.getKey(), key.getValue())).orElse(DEVELOPER);
            return new Running(config, emulator, syncClient(emulator.endpoint(), developer, config.clock()),
                    identityClient(emulator.endpoint(), developer, config.clock()));
        }

        @Override
        public void close() {
            try {
                sync.close();
                identity.close();
            } finally {
                emulator.close();
            }
        }
    }
}
