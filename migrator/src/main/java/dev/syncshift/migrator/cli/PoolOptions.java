package dev.syncshift.migrator.cli;

import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.migrator.config.RateLimits;
import dev.syncshift.migrator.job.RunReports;
import dev.syncshift.migrator.source.IdentityFileReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.profiles.ProfileFile;

/** The options every command that reads the pool and the table shares, AWS-CLI style. */
public final class PoolOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--identity-pool-id", required = true, paramLabel = "ID",
            description = "The Cognito identity pool, e.g. us-east-1:0a1b2c3d-...")
    String identityPoolId = "";

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "The store's DynamoDB table.")
    String table = "";

    @Option(names = "--identities-file", paramLabel = "FILE",
            description = "Identity ids, one a line, instead of ListIdentities (which lists 300 a second at most).")
    @Nullable Path identitiesFile;

    @Option(names = "--cognito-endpoint", paramLabel = "URL",
            description = "Cognito Identity and Cognito Sync endpoint (default: AWS's for the pool's region).")
    @Nullable URI cognitoEndpoint;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL", description = "DynamoDB endpoint (default: AWS's).")
    @Nullable URI dynamodbEndpoint;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The table's region (default: the SDK's region chain, else the pool's).")
    @Nullable String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "A named profile for credentials and region.")
    @Nullable String profile;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
            description = "Identities migrated at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-rps", paramLabel = "OP=N[,OP=N...]", defaultValue = "",
            description = "Requests per second per operation, shared by all threads (default: AWS's quotas, "
                    + "ListIdentities=5).")
    String maxRps = "";

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here (default: the work "
            + "dir's reports folder, unless the job repository is shared).")
    @Nullable Path report;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "syncshift-work",
            description = "Where the job repository (an H2 file) lives (default: ${DEFAULT-VALUE}).")
    Path workDir = Path.of("syncshift-work");

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto (a bar on a terminal, lines otherwise), bar, lines or off.")
    String progress = "auto";

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, or json (Spring Boot's structured ECS logging).")
    String logFormat = "text";

    @Option(names = "--recover",
            description = "Recover a run whose process died while using a shared (PostgreSQL) job repository.")
    boolean recover;

    /**
     * Checks the values and returns them as {@code syncshift.migrator.*} properties.
     *
     * @throws ParameterException with a one-line message when a value is bad
     */
    Map<String, String> properties() {
        check(() -> new IdentityPoolId(identityPoolId), "--identity-pool-id");
        check(() -> RateLimits.parse(maxRps), "--max-rps");
        if (!table.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw usage("--table '" + table + "' is not a DynamoDB table name (3 to 255 of a-z A-Z 0-9 _ - .)");
        }
        if (threads < 1 || threads > 512) {
            throw usage("--threads must be between 1 and 512, not " + threads);
        }
        if (!progress.matches("auto|bar|lines|off") || !logFormat.matches("text|json")) {
            throw usage("--progress takes auto, bar, lines or off; --log-format takes text or json");
        }
        checkIdentitiesFile();
        checkProfile();
        checkEndpoint("--cognito-endpoint", cognitoEndpoint);
        checkEndpoint("--dynamodb-endpoint", dynamodbEndpoint);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("identity-pool-id", identityPoolId);
        p.put("table", table);
        putIfSet(p, "identities-file", identitiesFile);
        putIfSet(p, "cognito-endpoint", cognitoEndpoint);
        putIfSet(p, "dynamodb-endpoint", dynamodbEndpoint);
        putIfSet(p, "region", region);
        putIfSet(p, "profile", profile);
        putIfSet(p, "report", report);
        p.put("threads", Integer.toString(threads));
        p.put("max-rps", maxRps);
        p.put("work-dir", workDir.toAbsolutePath().toString());
        p.put("progress", progress);
        return p;
    }

    /**
     * {@link #properties()} for a command that runs a job: the job repository's folder ({@code --work-dir}, unless
     * the repository is a shared database) and the report ({@code --report}) can be written (they, and any missing
     * parent folders, are made when needed).
     *
     * @throws ParameterException with a one-line message when a value is bad
     */
    Map<String, String> runProperties() {
        Map<String, String> properties = properties();
        if (MigrationRun.sharedRepositoryUrl() == null) {
            checkWritable("--work-dir", workDir, true);
        }
        if (report != null) {
            checkWritable("--report", report, false);
        }
        return properties;
    }

    /**
     * Makes the job repository's folder (unless the repository is a shared database), after every other check (a
     * refused command leaves nothing behind), so that a folder that cannot be made is a usage error rather than the
     * database's failure to open.
     *
     * @throws ParameterException with a one-line message when it cannot be made
     */
    void makeWorkDir() {
        if (MigrationRun.sharedRepositoryUrl() != null) {
            return;
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw usage("--work-dir " + workDir + " cannot be made: " + RunReports.fileProblem(e));
        }
    }

    private void checkWritable(String option, Path path, boolean folder) {
        Path absolute = path.toAbsolutePath();
        if (Files.exists(absolute) && Files.isDirectory(absolute) != folder) {
            throw usage(option + " " + path + (folder ? " is not a folder" : " is a folder"));
        }
        Path existing = folder ? absolute : absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw usage(option + " " + path + " cannot be written: " + existing + " is not a folder this user may "
                    + "write to");
        }
    }

    private void checkIdentitiesFile() {
        Path file = identitiesFile;
        if (file == null) {
            return;
        }
        if (!Files.isReadable(file)) {
            throw usage("--identities-file " + file + " cannot be read");
        }
        check(() -> IdentityFileReader.check(file), "--identities-file");
    }

    /** An endpoint is an absolute http or https URL with a host, as the SDK's endpointOverride needs. */
    void checkEndpoint(String option, @Nullable URI endpoint) {
        if (endpoint == null) {
            return;
        }
        String scheme = endpoint.getScheme();
        if (scheme == null || !scheme.matches("(?i)https?") || endpoint.getHost() == null) {
            throw usage(option + " '" + endpoint + "' is not an http or https URL such as https://host:port");
        }
    }

    /** A named profile must be in the AWS config or credentials file (those the SDK reads, as the AWS CLI). */
    private void checkProfile() {
        if (profile != null && ProfileFile.defaultProfileFile().profile(profile).isEmpty()) {
            throw usage("--profile '" + profile + "' is in neither the AWS config file nor the credentials file");
        }
    }

    private void check(Runnable validation, String option) {
        try {
            validation.run();
        } catch (RuntimeException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static void putIfSet(Map<String, String> properties, String name, @Nullable Object value) {
        if (value != null) {
            properties.put(name, value.toString());
        }
    }
}
