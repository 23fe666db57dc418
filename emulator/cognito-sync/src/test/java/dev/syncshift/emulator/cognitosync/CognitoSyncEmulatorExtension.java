package dev.syncshift.emulator.cognitosync;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * Starts one emulator per test class on a free loopback port (through {@link CognitoSyncEmulator#start}, the same
 * path as {@code main}) and injects it, or real AWS SDK v2 clients pointed at it with retries off, into test
 * constructors and methods. Stops it when the class is done.
 */
public final class CognitoSyncEmulatorExtension implements BeforeAllCallback, ParameterResolver {

    /** The developer credentials the injected clients sign with. */
    public static final AwsBasicCredentials DEVELOPER = AwsBasicCredentials.create("AKIDDEVELOPER", "developer-secret");

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CognitoSyncEmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CognitoSyncEmulator.class || type == CognitoSyncClient.class
                || type == CognitoIdentityClient.class
                || type == MutableClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        CognitoSyncEmulator emulator = emulator(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == MutableClock.class) {
            return clock(context);
        }
        if (type == CognitoSyncClient.class) {
            return syncClient(emulator.endpoint(), DEVELOPER);
        }
        if (type == CognitoIdentityClient.class) {
            return identityClient(emulator.endpoint(), DEVELOPER);
        }
        return emulator;
    }

    /** A Cognito Sync client for {@code endpoint}, signing with {@code credentials}, that never retries. */
    public static CognitoSyncClient syncClient(URI endpoint, AwsCredentials credentials) {
        return pointedAt(CognitoSyncClient.builder(), endpoint, credentials);
    }

    /** A Cognito Identity client for {@code endpoint}, signing with {@code credentials}, that never retries. */
    public static CognitoIdentityClient identityClient(URI endpoint, AwsCredentials credentials) {
        return pointedAt(CognitoIdentityClient.builder(), endpoint, credentials);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C pointedAt(B builder,
            URI endpoint, AwsCredentials credentials) {
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(1)))
                .build();
    }

    private static CognitoSyncEmulator emulator(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        String key = context.getRequiredTestClass().getName();
        return store.getOrComputeIfAbsent(key, k -> new Running(CognitoSyncEmulator.start(
                config(context))), Running.class).emulator();
    }

    private static CognitoSyncEmulatorConfig config(ExtensionContext context) {
        CognitoSyncEmulatorConfig.Builder config = CognitoSyncEmulatorConfig.builder();
        if (context.getRequiredTestClass().isAnnotationPresent(StrictAuth.class)) {
            config.strictAuth(true).developerKey(DEVELOPER.accessKeyId(), DEVELOPER.secretAccessKey())
                    .clock(clock(context));
        }
        return config.build();
    }

    /** The clock of a {@link StrictAuth} class's emulator (other emulators use the system clock). */
    private static MutableClock clock(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        String key = context.getRequiredTestClass().getName() + ".clock";
        return store.getOrComputeIfAbsent(key, k -> new MutableClock(Instant.now()), MutableClock.class);
    }

    private record Running(CognitoSyncEmulator emulator) implements AutoCloseable {
        @Override
        public void close() {
            emulator.close();
        }
    }
}
