package dev.syncshift.migrator.config;

import dev.syncshift.core.ContractViolationException;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.migrator.target.ConflictPolicy;
import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The migrator's settings, bound from {@code syncshift.migrator.*} (the command line sets them; a container can set
 * them as environment variables such as {@code SYNCSHIFT_MIGRATOR_TABLE}). The job's parameters carry only the
 * pool, the mode and the run; everything here may change between a failed run and its restart.
 *
 * @param identityPoolId the Cognito identity pool to read
 * @param table the store's DynamoDB table
 * @param mode full, delta or verify
 * @param identitiesFile a file naming the identities instead of ListIdentities, or null
 * @param cognitoEndpoint an endpoint for Cognito Identity and Cognito Sync instead of AWS's, or null
 * @param dynamodbEndpoint an endpoint for DynamoDB instead of AWS's, or null
 * @param region the region of the table (and of the pool, unless its id says otherwise), or null for the SDK's
 *     default chain
 * @param profile a named profile for credentials and region, or null for the SDK's default chains
 * @param threads identities migrated at once; also the number of partitions of a new run
 * @param maxRps per-operation rate limits, {@code Op=N,...} over AWS's default quotas
 * @param dryRun read and plan, never write the table
 * @param createTable create the table with the store layout when it does not exist
 * @param report a file to write the JSON report to, or null
 * @param workDir where the job repository lives (an H2 file) unless {@code spring.datasource.url} says otherwise
 * @param onConflict how changes made on both sides since the last pass are settled
 * @param chunkSize identities per committed chunk
 * @param maxAttempts attempts per AWS call (the SDK's standard retry), throttled attempts included
 * @param progress {@code auto} (a bar on a terminal, lines otherwise), {@code bar}, {@code lines} or {@code off}
 * @param workDirMinFreeMb the free space (MB) a run keeps on the disk of a job repository in the work dir: it does
 *     not start with less, and stops when there is less (0: never checked)
 */
@ConfigurationProperties("syncshift.migrator")
public record MigratorSettings(
        String identityPoolId,
        String table,
        @DefaultValue("full") RunMode mode,
        @Nullable Path identitiesFile,
        @Nullable URI cognitoEndpoint,
        @Nullable URI dynamodbEndpoint,
        @Nullable String region,
        @Nullable String profile,
        @DefaultValue("8") int threads,
        @DefaultValue("") String maxRps,
        @DefaultValue("false") boolean dryRun,
        @DefaultValue("false") boolean createTable,
        @Nullable Path report,
        @DefaultValue("syncshift-work") Path workDir,
        @DefaultValue("later-wins") ConflictPolicy onConflict,
        @DefaultValue("10") int chunkSize,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("auto") String progress,
        @DefaultValue("64") long workDirMinFreeMb) {

    /**
     * Checks the values, with the messages a user sees.
     *
     * @throws InvalidSetting naming the setting
     */
    public MigratorSettings {
        try {
            new IdentityPoolId(identityPoolId);
        } catch (ContractViolationException e) {
            throw new InvalidSetting("identity-pool-id", ": " + e.getMessage());
        }
        checkTable(table);
        positive("threads", threads, 512);
        positive("chunk-size", chunkSize, 1000);
        positive("max-attempts", maxAttempts, 100);
        try {
            RateLimits.parse(maxRps);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting("max-rps", ": " + e.getMessage());
        }
        if (workDirMinFreeMb < 0) {
            throw new InvalidSetting("work-dir-min-free-mb", " must be 0 or more, not " + workDirMinFreeMb);
        }
        if (!progress.matches("auto|bar|lines|off")) {
            throw new InvalidSetting("progress", " must be auto, bar, lines or off, not '" + progress + "'");
        }
        if (dryRun && mode == RunMode.WRITE_BACK) {
            // however either was set (an option, the environment): a write-back's import would write nothing, and
            // there would be nothing true to compare with, so it could not be a dry run
            throw new InvalidSetting("dry-run", " cannot be used with mode write-back, which writes into Cognito Sync");
        }
    }

    /**
     * Checks a table name as DynamoDB does.
     *
     * @throws InvalidSetting when it is not one
     */
    public static void checkTable(String table) {
        if (!table.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw new InvalidSetting("table", " '" + table
                    + "' is not a DynamoDB table name (3 to 255 of a-z, A-Z, 0-9, _ - .)");
        }
    }

    /** The pool. */
    public IdentityPoolId pool() {
        return new IdentityPoolId(identityPoolId);
    }

    /** The rate limits. */
    public RateLimits rateLimits() {
        return RateLimits.parse(maxRps);
    }

    private static void positive(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new InvalidSetting(name, " must be between 1 and " + max + ", not " + value);
        }
    }
}
