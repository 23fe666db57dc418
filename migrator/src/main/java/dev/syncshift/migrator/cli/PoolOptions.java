package dev.syncshift.migrator.cli;

import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.migrator.config.InvalidSetting;
import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.config.RateLimits;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command that reads the pool and the table shares, AWS-CLI style; {@link RunOptions} holds those
 * of the commands that run a job.
 */
public final class PoolOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    // required, but the environment may give them instead (SettingLayers): checked in properties()
    @Option(names = "--identity-pool-id", paramLabel = "ID",
            description = "The Cognito identity pool, e.g. us-east-1:0a1b2c3d-... (required)")
    @Nullable String identityPoolId;

    @Option(names = "--table", paramLabel = "NAME", description = "The store's DynamoDB table (required).")
    @Nullable String table;

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

    @Option(names = "--max-rps", paramLabel = "OP=N[,OP=N...]", defaultValue = "",
            description = "Requests per second per operation, shared by all threads (default: AWS's quotas, "
                    + "ListIdentities=5).")
    String maxRps = "";

    /**
     * Checks the values and returns them as {@code syncshift.migrator.*} properties.
     *
     * @throws ParameterException with a one-line message when a value is bad
     */
    Map<String, String> properties() {
        checkRequired();
        Map<String, String> p = new LinkedHashMap<>();
        if (identityPoolId != null) {
            String given = identityPoolId;
            check(() -> new IdentityPoolId(given), "--identity-pool-id");
            p.put("identity-pool-id", given);
        }
        if (table != null) {
            try {
                MigratorSettings.checkTable(table);
            } catch (InvalidSetting e) {
                throw usage(e.named("--table"));
            }
            p.put("table", table);
        }
        check(() -> RateLimits.parse(maxRps), "--max-rps");
        refuse(SettingChecks.identitiesFile("--identities-file", identitiesFile));
        refuse(SettingChecks.profile("--profile", profile));
        refuse(SettingChecks.region("--region", region));
        checkEndpoint("--cognito-endpoint", cognitoEndpoint);
        checkEndpoint("--dynamodb-endpoint", dynamodbEndpoint);
        putIfSet(p, "identities-file", identitiesFile);
        putIfSet(p, "cognito-endpoint", cognitoEndpoint);
        putIfSet(p, "dynamodb-endpoint", dynamodbEndpoint);
        putIfSet(p, "region", region);
        putIfSet(p, "profile", profile);
        p.put("max-rps", maxRps);
        return p;
    }

    /**
     * The pool and the table are required: on the command line, or, as in a container, in the environment
     * ({@code SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID}, {@code SYNCSHIFT_MIGRATOR_TABLE}), whose values the binding checks.
     */
    private void checkRequired() {
        List<String> missing = new ArrayList<>();
        if (identityPoolId == null && !SettingLayers.setOutside("identity-pool-id")) {
            missing.add("'--identity-pool-id=ID' (or SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID)");
        }
        if (table == null && !SettingLayers.setOutside("table")) {
            missing.add("'--table=NAME' (or SYNCSHIFT_MIGRATOR_TABLE)");
        }
        if (!missing.isEmpty()) {
            String options = missing.size() > 1 ? "options" : "option";
            throw usage("Missing required " + options + ": " + String.join(", ", missing));
        }
    }

    /** Throws {@code problem}, when there is one, as a usage error. */
    private void refuse(Optional<String> problem) {
        if (problem.isPresent()) {
            throw usage(problem.get());
        }
    }

    /** As the options' own checks, for an endpoint option of the command. */
    void checkEndpoint(String option, @Nullable URI endpoint) {
        refuse(SettingChecks.endpoint(option, endpoint));
    }

    private void check(Runnable validation, String option) {
        try {
            validation.run();
        } catch (RuntimeException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    /**
     * The names of {@code settings} left at their options' defaults (an option this command has, not given on its
     * command line): the environment may set those. Options given, and settings the command fixes itself, win over
     * the environment.
     */
    Set<String> defaulted(Map<String, String> settings) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Set<String> defaulted = new HashSet<>();
        for (String name : settings.keySet()) {
            String option = "--" + name.substring(name.lastIndexOf('.') + 1);
            if (spec.findOption(option) != null && !parsed.hasMatchedOption(option)) {
                defaulted.add(name);
            }
        }
        return defaulted;
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
