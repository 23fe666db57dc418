package dev.syncshift.client;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;

/**
 * Both emulators for a test run: the Cognito Sync emulator (started through {@link CognitoSyncEmulator#start}, with
 * an identity pool that allows unauthenticated identities) and the AppSync emulator running the real template
 * {@code config/syncshift-appsync.yaml}, accepting the temporary credentials the Cognito emulator issues, as AWS
 * does. Started once per run (JUnit root store), stopped at its end.
 *
 * @param cognito the Cognito Sync and Identity emulator
 * @param appSync the AppSync emulator
 * @param poolId the identity pool devices use
 */
record Emulators(CognitoSyncEmulator cognito, AppSyncEmulator appSync, String poolId)
        implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    static final Path TEMPLATE = Path.of("../config/syncshift-appsync.yaml").toAbsolutePath().normalize();
    static final AwsBasicCredentials DEVELOPER = AwsBasicCredentials.create("AKIDDEVELOPER", "developer-secret");

    static Emulators of(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Emulators.class, k -> start(0), Emulators.class);
    }

    /** Starts both, the Cognito emulator adding {@code latencyMs} to each request. */
    static Emulators start(long latencyMs) {
        return start(config -> config.latencyMs(latencyMs));
    }

    /** Starts both, the Cognito emulator configured by {@code config}. */
    static Emulators start(Consumer<CognitoSyncEmulatorConfig.Builder> config) {
        return start(config, UnaryOperator.identity());
    }

    /** Starts both, configured by {@code cognitoConfig} and {@code appSyncConfig}. */
    static Emulators start(Consumer<CognitoSyncEmulatorConfig.Builder> cognitoConfig,
            UnaryOperator<AppSyncEmulatorConfig> appSyncConfig) {
        CognitoSyncEmulatorConfig.Builder builder = CognitoSyncEmulatorConfig.builder();
        cognitoConfig.accept(builder);
        CognitoSyncEmulator cognito = CognitoSyncEmulator.start(builder.build());
        AppSyncEmulator appSync = AppSyncEmulator.start(appSyncConfig.apply(AppSyncEmulatorConfig.of(TEMPLATE, null)
                .withCognitoEndpoint(cognito.endpoint())));
        String pool = identityClient(cognito.endpoint()).createIdentityPool(p -> p.identityPoolName("compat")
                .allowUnauthenticatedIdentities(true).developerProviderName("login.compat")).identityPoolId();
        return new Emulators(cognito, appSync, pool);
    }

    URI graphql() {
        return appSync.endpoint();
    }

    /** A manager builder for a device of this pool on {@code backend}, with an in-memory cache. */
    CognitoSyncManagerBuilder device(Backend backend) {
        return CognitoSyncManager.builder().identityPoolId(poolId).cognitoEndpoint(cognito.endpoint())
                .appSyncEndpoint(graphql()).backend(backend);
    }

    /** Cognito Sync with developer credentials, to look at the service's state as an operator would. */
    CognitoSyncClient developerSync() {
        return CognitoSyncClient.builder().endpointOverride(cognito.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(DEVELOPER))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * Writes {@code key = value} as a new record of an identity's existing dataset on Cognito Sync, with the AWS SDK
     * and developer credentials: as another app might, with text the compat client would refuse.
     */
    void writeOnCognito(String identityId, String dataset, String key, String value) {
        try (CognitoSyncClient operator = developerSync()) {
            String token = operator.listRecords(r -> r.identityPoolId(poolId).identityId(identityId)
                    .datasetName(dataset)).syncSessionToken();
            operator.updateRecords(r -> r.identityPoolId(poolId).identityId(identityId).datasetName(dataset)
                    .syncSessionToken(token).recordPatches(p -> p.op(Operation.REPLACE).key(key).value(value)
                            .syncCount(0L)));
        }
    }

    /** The identity of developer user {@code user} of the pool (provider {@code login.compat}), made if new. */
    String developerIdentity(String user) {
        return identityClient(cognito.endpoint()).getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(poolId)
                .logins(Map.of("login.compat", user))).identityId();
    }

    /** Unlinks developer user {@code user} from {@code identityId}, as the app's backend would. */
    void unlinkDeveloperUser(String identityId, String user) {
        identityClient(cognito.endpoint()).unlinkDeveloperIdentity(r -> r.identityPoolId(poolId).identityId(identityId)
                .developerProviderName("login.compat").developerUserIdentifier(user));
    }

    static CognitoIdentityClient identityClient(URI endpoint) {
        return CognitoIdentityClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(DEVELOPER))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        appSync.close();
        cognito.close();
    }
}
