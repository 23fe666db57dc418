package dev.syncshift.migrator.config;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.appsync.AppSyncClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One SDK client per service, each with the SDK's standard retry without its circuit breaker (throttled calls, and
 * DynamoDB transactions cancelled for throughput or a conflicting transaction, are retried with backoff, never
 * skipped: a batch run has nothing better to do than wait, where the breaker would give up on every call once many
 * were throttled at once), the per-operation rate limits and the {@link Pacing} on every attempt, and
 * {@link CallStats} counting calls, retries and throttles. Credentials and region come from the SDK's default chains
 * unless a profile or region is set; the Cognito services default to the pool's own region. Each client's HTTP client
 * goes the way the environment names for its endpoint ({@link HttpClients}, {@link ProxyEnvironment}).
 */
@Configuration(proxyBeanMethods = false)
public class AwsClients {

    @Bean
    Pacing pacing() {
        return new Pacing();
    }

    @Bean
    CallStats callStats(Pacing pacing) {
        return new CallStats(pacing);
    }

    @Bean
    @Profile("!manager & !worker")
    RequestRateLimiter rateLimiter(MigratorSettings settings) {
        return new LocalRateLimiter(settings.rateLimits());
    }

    @Bean
    ProxyEnvironment proxyEnvironment() {
        return ProxyEnvironment.ofProcess();
    }

    @Bean(destroyMethod = "close")
    HttpClients httpClients(MigratorSettings settings, ProxyEnvironment proxies) {
        return new HttpClients(proxies, settings.threads() * 3 + 8);
    }

    @Bean(destroyMethod = "close")
    CognitoIdentityClient cognitoIdentityClient(MigratorSettings settings, HttpClients http, CallStats stats,
            RequestRateLimiter limiter, Pacing pacing) {
        return configure(CognitoIdentityClient.builder(), settings, settings.cognitoEndpoint(), cognitoRegion(settings),
                http, stats, limiter, pacing);
    }

    @Bean(destroyMethod = "close")
    CognitoSyncClient cognitoSyncClient(MigratorSettings settings, HttpClients http, CallStats stats,
            RequestRateLimiter limiter, Pacing pacing) {
        return configure(CognitoSyncClient.builder(), settings, settings.cognitoEndpoint(), cognitoRegion(settings),
                http, stats, limiter, pacing);
    }

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(MigratorSettings settings, HttpClients http, CallStats stats,
            RequestRateLimiter limiter, Pacing pacing) {
        return configure(DynamoDbClient.builder(), settings, settings.dynamodbEndpoint(), tableRegion(settings),
                http, stats, limiter, pacing);
    }

    /** A Cognito Identity client for commands that run without the application (no rate limits, no stats). */
    public static CognitoIdentityClient cognitoIdentity(MigratorSettings settings, HttpClients http) {
        return standalone(CognitoIdentityClient.builder(), settings, settings.cognitoEndpoint(),
                cognitoRegion(settings), http);
    }

    /** A Cognito Sync client for commands that run without the application. */
    public static CognitoSyncClient cognitoSync(MigratorSettings settings, HttpClients http) {
        return standalone(CognitoSyncClient.builder(), settings, settings.cognitoEndpoint(), cognitoRegion(settings),
                http);
    }

    /** A DynamoDB client for commands that run without the application. */
    public static DynamoDbClient dynamoDb(MigratorSettings settings, HttpClients http) {
        return standalone(DynamoDbClient.builder(), settings, settings.dynamodbEndpoint(), tableRegion(settings), http);
    }

    /** The AppSync control-plane client of {@code check}, in the table's region. */
    public static AppSyncClient appSyncClient(MigratorSettings settings, @Nullable URI endpoint, HttpClients http) {
        return standalone(AppSyncClient.builder(), settings, endpoint, tableRegion(settings), http);
    }

    /** A client with no rate limits, paced on its own, whose calls no one counts. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C standalone(B builder,
            MigratorSettings settings, @Nullable URI endpoint, Region region, HttpClients http) {
        Pacing pacing = new Pacing();
        return configure(builder, settings, endpoint, region, http, new CallStats(pacing), operation -> { }, pacing);
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
            MigratorSettings settings, @Nullable URI endpoint, Region region, HttpClients http, CallStats stats,
            RequestRateLimiter limiter, Pacing pacing) {
        builder.region(region).credentialsProvider(credentials(settings)).httpClient(http.forEndpoint(endpoint))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .circuitBreakerEnabled(false).maxAttempts(settings.maxAttempts())
                                .retryOnException(CancelledTransactions::retryable)
                                .treatAsThrottling(CancelledTransactions::throttled).build())
                        .addMetricPublisher(stats)
                        .addExecutionInterceptor(new RateLimitInterceptor(limiter, pacing, stats)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(MigratorSettings settings) {
        return SettingsCredentials.of(settings.profile());
    }

    private static Region cognitoRegion(MigratorSettings settings) {
        return Region.of(settings.pool().region());
    }

    private static Region tableRegion(MigratorSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(settings.profile()).build().getRegion();
        } catch (RuntimeException none) {
            return cognitoRegion(settings);
        }
    }
}
