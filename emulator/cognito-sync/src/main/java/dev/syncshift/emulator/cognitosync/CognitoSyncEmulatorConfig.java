package dev.syncshift.emulator.cognitosync;

import java.time.Clock;

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
 */
public record CognitoSyncEmulatorConfig(
        String host, int port, String region, String accountId, long seed, Clock clock, int maxBodyBytes) {

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

        /** The developer account id; default 123456789012. */
        public Builder accountId(String accountId) {
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
         * The config.
         *
         * @throws IllegalArgumentException when the port is outside 0..65535 or the body cap is not positive
         */
        public CognitoSyncEmulatorConfig build() {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
            }
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, not " + maxBodyBytes);
            }
            return new CognitoSyncEmulatorConfig(host, port, region, accountId, seed, clock, maxBodyBytes);
        }
    }
}
