package dev.syncshift.emulator.appsync;

import dev.syncshift.emulator.appsync.fault.FaultPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to start an emulator.
 *
 * @param template the CloudFormation template (YAML or JSON)
 * @param host the address to bind; {@code 127.0.0.1} unless you need otherwise
 * @param port the port; 0 picks a free one
 * @param credentials the credentials registry file, or null to accept no one
 * @param dynamoDbEndpoint a DynamoDB endpoint, or null for DynamoDB Local in-process (must be on the class path)
 * @param region the API's region, which IAM signatures must be scoped to, and the DynamoDB endpoint's signing
 * @param keepAlive the real-time {@code ka} interval
 * @param cognitoEndpoint a local Cognito Sync emulator whose issued temporary credentials are accepted too, or null
 * @param faults the latency, throttles and failures injected into {@code POST /graphql}; {@link FaultPlan#NONE}
 * @param connectionTimeout the real-time {@code connectionTimeoutMs} announced in {@code connection_ack} (AppSync's
 *     five minutes unless a test needs a client to wait it out), after which an idle connection is closed
 */
public record AppSyncEmulatorConfig(
        Path template,
        String host,
        int port,
        @Nullable Path credentials,
        @Nullable URI dynamoDbEndpoint,
        String region,
        Duration keepAlive,
        @Nullable URI cognitoEndpoint,
        FaultPlan faults,
        Duration connectionTimeout) {

    /** AppSync's real-time {@code connectionTimeoutMs}: five minutes. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofMinutes(5);

    /** Checks the values. */
    public AppSyncEmulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("keepAlive must be positive");
        }
        if (connectionTimeout.isNegative() || connectionTimeout.isZero()) {
            throw new IllegalArgumentException("connectionTimeout must be positive");
        }
    }



    /** The configuration without injected faults. */
    public AppSyncEmulatorConfig(Path template, String host, int port, @Nullable Path credentials,
            @Nullable URI dynamoDbEndpoint, String region, Duration keepAlive, @Nullable URI cognitoEndpoint) {
        this(template, host, port, credentials, dynamoDbEndpoint, region, keepAlive, cognitoEndpoint, FaultPlan.NONE,
                CONNECTION_TIMEOUT);
    }

    /** The configuration without a Cognito Sync emulator to accept credentials from. */
    public AppSyncEmulatorConfig(Path template, String host, int port, @Nullable Path credentials,
            @Nullable URI dynamoDbEndpoint, String region, Duration keepAlive) {
        this(template, host, port, credentials, dynamoDbEndpoint, region, keepAlive, null);
    }

    /** This configuration, also accepting the temporary credentials the Cognito Sync emulator at {@code uri} issued. */
    public AppSyncEmulatorConfig withCognitoEndpoint(URI uri) {
        return new AppSyncEmulatorConfig(template, host, port, credentials, dynamoDbEndpoint, region, keepAlive, uri,
                faults, connectionTimeout);
    }

    /**
     * This configuration, sending real-time {@code ka} messages every {@code keepAliveInterval} and announcing
     * {@code timeout} as the {@code connectionTimeoutMs} (AppSync: 60 s and five minutes), so that a test can see a
     * client give up on a silent connection.
     */
    public AppSyncEmulatorConfig withRealtimeTimes(Duration keepAliveInterval, Duration timeout) {
        return new AppSyncEmulatorConfig(template, host, port, credentials, dynamoDbEndpoint, region,
                keepAliveInterval, cognitoEndpoint, faults, timeout);
    }

    /** This configuration, injecting {@code plan}'s faults. */
    public AppSyncEmulatorConfig withFaults(FaultPlan plan) {
        return new AppSyncEmulatorConfig(template, host, port, credentials, dynamoDbEndpoint, region, keepAlive,
                cognitoEndpoint, plan, connectionTimeout);
    }

    /**
     * Defaults: 127.0.0.1, port 0, embedded DynamoDB Local, {@code us-east-1}, keep-alive every 60 s.
     *
     * @param template the template
     * @param credentials the credentials file, or null
     * @return the configuration
     */
    public static AppSyncEmulatorConfig of(Path template, @Nullable Path credentials) {
        return new AppSyncEmulatorConfig(template, "127.0.0.1", 0, credentials, null, "us-east-1",
                Duration.ofSeconds(60));
    }
}
