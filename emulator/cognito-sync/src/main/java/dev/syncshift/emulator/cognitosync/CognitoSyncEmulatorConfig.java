package dev.syncshift.emulator.cognitosync;

import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.fault.FaultPlan;
import dev.syncshift.emulator.cognitosync.fixture.StatePlan;
import dev.syncshift.emulator.cognitosync.fixture.SyntheticPool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to start a {@link CognitoSyncEmulator}. Build one with {@link #builder()}; every option has a default that
 * serves on a free loopback port.
 *
 * @param host the address to bind (loopback by default)
 * @param port the port to bind, 0 for a free one
 * @param region the region in generated pool and identity ids
 * @param accountId the account that developer credentials belong to (LastModifiedBy of developer writes)
 * @param seed seeds every generated id, token key and injected fault, so a run can be repeated
 * @param clock the service's clock
 * @param maxBodyBytes larger request bodies are refused (413)
 * @param faults the injected faults (throttling, internal errors, latency); none by default
 * @param state where the state comes from (fixture file, synthetic pool) and where it is exported on close
 * @param strictAuth whether SigV4 signatures are verified (against {@code developerKeys} and issued credentials)
 * @param developerKeys the developer access keys strict auth accepts: secret access key by access key id, in the
 *     order they were added
 * @param credentialLifetime how long credentials from GetCredentialsForIdentity work (one hour, as on AWS, unless a
 *     test needs them to expire)
 */
public record CognitoSyncEmulatorConfig(
        String host, int port, String region, String accountId, long seed, Clock clock, int maxBodyBytes,
        FaultPlan faults, StatePlan state, boolean strictAuth, Map<String, String> developerKeys,
        Duration credentialLifetime) {

    /** The developer access key id strict auth accepts when no other key is configured. */
    public static final String DEFAULT_DEVELOPER_KEY_ID = "AKIASYNCSHIFTLOCAL01";
    /** The secret of {@link #DEFAULT_DEVELOPER_KEY_ID}. */
    public static final String DEFAULT_DEVELOPER_SECRET = "syncshift-local-developer-secret";

    /** Copies the map, keeping its order (the first key is what test clients sign with). */
    public CognitoSyncEmulatorConfig {
        developerKeys = Collections.unmodifiableMap(new LinkedHashMap<>(developerKeys));
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CognitoSyncEmulatorConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private long seed = 1;
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = 16 * 1024 * 1024;
        private double throttleRps;
        private final Map<String, Double> operationRps = new LinkedHashMap<>();
        private double throttleRate;
        private double faultRate;
        private long latencyMs;
        private LongSupplier ticker = System::nanoTime;
        private @Nullable Path fixture;
        private int generate;
        private SyntheticPool.@Nullable Shape shape;
        private @Nullable String identityPoolId;
        private @Nullable Path exportOnExit;
        private boolean strictAuth;
        private final Map<String, String> developerKeys = new LinkedHashMap<>();
        private Duration credentialLifetime = Duration.ofHours(1);

        private Builder() {
        }

        /** The address to bind; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to bind; default 0 (a free port). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The region of generated ids; default us-east-1. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The developer account id, 12 digits as AWS's; default 123456789012. */
        public Builder accountId(String accountId) {
            if (!accountId.matches("[0-9]{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, not '" + accountId + "'");
            }
            this.accountId = accountId;
            return this;
        }

        /** The seed of ids, tokens and faults; default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The service clock; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The request body cap in bytes; default 16 MiB. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Requests per second each operation admits before 429 TooManyRequestsException; default 0 (off). A rate set
         * for one operation with {@link #throttleRps(String, double)} takes precedence.
         */
        public Builder throttleRps(double throttleRps) {
            this.throttleRps = throttleRps;
            return this;
        }

        /**
         * Requests per second {@code operation} admits before TooManyRequestsException, in place of the rate for
         * all; checked in {@link #build()}.
         *
         * @param operation an operation name as on the wire, of Cognito Sync ({@code ListRecords}) or Cognito
         *     Identity ({@code ListIdentities})
         * @param rps a positive rate
         */
        public Builder throttleRps(String operation, double rps) {
            operationRps.put(operation, rps);
            return this;
        }

        /**
         * The probability (0..1) that a request the rate limits admitted is throttled anyway (TooManyRequests),
         * drawn from the seed; default 0. With {@link #faultRate} it adds up to at most 1.
         */
        public Builder throttleRate(double throttleRate) {
            this.throttleRate = throttleRate;
            return this;
        }

        /** The probability (0..1) of an injected 500 InternalErrorException, drawn from the seed; default 0. */
        public Builder faultRate(double faultRate) {
            this.faultRate = faultRate;
            return this;
        }

        /** Milliseconds added to every request; default 0. */
        public Builder latencyMs(long latencyMs) {
            this.latencyMs = latencyMs;
            return this;
        }

        /** The nanosecond time source of the throttle; default {@link System#nanoTime}. */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = ticker;
            return this;
        }

        /** A fixture file (FIXTURES.md) to load at startup; default none. */
        public Builder fixture(Path fixture) {
            this.fixture = fixture;
            return this;
        }

        /** Generates a synthetic pool of this many identities at startup (needs {@link #identityPoolId}). */
        public Builder generate(int identities) {
            this.generate = identities;
            return this;
        }

        /** Gives every generated identity the same plain datasets instead of the edge-case mix (benchmarks). */
        public Builder generateShape(SyntheticPool.Shape shape) {
            this.shape = shape;
            return this;
        }

        /** The id of the generated pool. */
        public Builder identityPoolId(String identityPoolId) {
            this.identityPoolId = identityPoolId;
            return this;
        }

        /** A file to export the state to, as a fixture, when the emulator closes; default none. */
        public Builder exportOnExit(Path exportOnExit) {
            this.exportOnExit = exportOnExit;
            return this;
        }

        /** Whether SigV4 signatures are verified; default false (any signature is accepted). */
        public Builder strictAuth(boolean strictAuth) {
            this.strictAuth = strictAuth;
            return this;
        }

        /**
         * How long issued credentials work; default one hour, as AWS issues them. Shorter lifetimes let a test see
         * credentials expire.
         */
        public Builder credentialLifetime(Duration credentialLifetime) {
            this.credentialLifetime = credentialLifetime;
            return this;
        }

        /**
         * Adds a developer access key strict auth accepts. Without any, the one accepted key is
         * {@link #DEFAULT_DEVELOPER_KEY_ID} with {@link #DEFAULT_DEVELOPER_SECRET}.
         */
        public Builder developerKey(String accessKeyId, String secretAccessKey) {
            developerKeys.put(accessKeyId, secretAccessKey);
            return this;
        }

        /**
         * The config.
         *
         * @throws IllegalArgumentException when the port is outside 0..65535, the body cap or the credential lifetime
         *     is not positive, a
         *     fault option is out of range or names an unknown operation, or a synthetic pool lacks its size or
         *     pool id
         */
        public CognitoSyncEmulatorConfig build() {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
            }
            if (credentialLifetime.isNegative() || credentialLifetime.isZero()) {
                throw new IllegalArgumentException("credentialLifetime must be positive, not " + credentialLifetime);
            }
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, not " + maxBodyBytes);
            }
            FaultPlan faults = new FaultPlan(throttleRps, operationRps, throttleRate, faultRate,
                    Duration.ofMillis(latencyMs), ticker);
            Map<String, String> keys = developerKeys.isEmpty()
                    ? Map.of(DEFAULT_DEVELOPER_KEY_ID, DEFAULT_DEVELOPER_SECRET) : developerKeys;
            return new CognitoSyncEmulatorConfig(host, port, region, accountId, seed, clock, maxBodyBytes, faults,
                    new StatePlan(fixture, synthetic(), exportOnExit), strictAuth, keys, credentialLifetime);
        }

        private @Nullable SyntheticPool synthetic() {
            if (generate == 0 && identityPoolId == null) {
                return null;
            }
            if (identityPoolId == null) {
                throw new IllegalArgumentException("generate needs an identityPoolId");
            }
            return new SyntheticPool(generate, new IdentityPoolId(identityPoolId), seed, shape);
        }
    }
}
