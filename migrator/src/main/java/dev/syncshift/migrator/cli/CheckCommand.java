package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.config.AwsClients;
import dev.syncshift.migrator.config.HttpClients;
import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.config.ProxyEnvironment;
import dev.syncshift.migrator.config.RateLimits;
import dev.syncshift.migrator.source.CognitoSource;
import dev.syncshift.migrator.source.IdentityFileReader;
import dev.syncshift.migrator.verify.AppSyncCheck;
import dev.syncshift.migrator.verify.Preflight;
import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.appsync.AppSyncClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code check}: the preflight alone; reads, never writes (not even a job repository). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Preflight that changes nothing: the pool exists and sizes the job, the table has the store "
                + "layout, and (with --api-id) the AppSync API is the one syncshift deploys. Exit code 0 when a run "
                + "may go ahead.", footer = MigratorCli.ENVIRONMENT)
final class CheckCommand implements Callable<Integer> {

    /** Connections per way out: the checks call one at a time. */
    private static final int CHECK_CONNECTIONS = 4;

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Option(names = "--api-id", paramLabel = "ID",
            description = "Also check this AppSync API: AWS_IAM, the schema, a resolver per field, and (with "
                    + "EvaluateCode) that its resolvers compute the store's keys as the migrator does.")
    @Nullable String apiId;

    @Option(names = "--appsync-endpoint", paramLabel = "URL",
            description = "AppSync control-plane endpoint (default: AWS's for the table's region).")
    @Nullable URI appSyncEndpoint;

    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Map<String, String> properties = pool.properties();
        pool.checkEndpoint("--appsync-endpoint", appSyncEndpoint);
        if (apiId != null) {
            properties.put("api-id", apiId);
        }
        if (appSyncEndpoint != null) {
            properties.put("appsync-endpoint", appSyncEndpoint.toString());
        }
        SettingLayers layers = SettingLayers.of(properties, pool.defaulted(properties));
        MigratorSettings settings;
        AppSyncApi appSyncApi;
        try {
            settings = layers.bindChecked();
            appSyncApi = AppSyncApi.of(layers);
        } catch (SettingLayers.Refused e) {
            err.println("syncshift-migrator: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        try (HttpClients http = new HttpClients(ProxyEnvironment.ofProcess(), CHECK_CONNECTIONS);
                CognitoIdentityClient identity = AwsClients.cognitoIdentity(settings, http);
                CognitoSyncClient sync = AwsClients.cognitoSync(settings, http);
                DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings, http)) {
            Preflight.Findings findings = new Preflight(identity, sync, dynamoDb, http.proxies())
                    .checkBeforeCutover(settings);
            if (appSyncApi.id() != null) {
                try (AppSyncClient appSync = AwsClients.appSyncClient(settings, appSyncApi.endpoint(), http)) {
                    new AppSyncCheck(appSync, http.proxies().proxyFor(appSyncApi.endpoint()))
                            .check(appSyncApi.id(), settings.table(), findings);
                }
            }
            findings.facts().forEach(fact -> out.println("ok: " + fact));
            out.println(estimate(settings, new CognitoSource(identity, sync, settings.pool())));
            findings.warnings().forEach(warning -> err.println("warning: " + warning));
            findings.problems().forEach(problem -> err.println("problem: " + problem));
            return findings.ok() ? ExitCode.OK.code() : ExitCode.UNAVAILABLE.code();
        }
    }

    /** The AppSync API to check, if any: {@code --api-id}, {@code --appsync-endpoint} or their variables. */
    private record AppSyncApi(@Nullable String id, @Nullable URI endpoint) {

        static AppSyncApi of(SettingLayers layers) {
            URI endpoint = layers.value("appsync-endpoint", URI.class).orElse(null);
            SettingChecks.endpoint(layers.shownName("appsync-endpoint", "--appsync-endpoint"), endpoint)
                    .ifPresent(problem -> {
                        throw new SettingLayers.Refused(problem);
                    });
            return new AppSyncApi(layers.value("api-id", String.class).orElse(null), endpoint);
        }
    }

    private static String estimate(MigratorSettings settings, CognitoSource source) {
        RateLimits limits = settings.rateLimits();
        if (settings.identitiesFile() != null) {
            long identities = IdentityFileReader.check(settings.identitiesFile());
            return String.format(Locale.ROOT, "estimate: %,d identities from %s (at most: an id named twice is "
                    + "migrated once); each needs 1 ListDatasets and 1 ListRecords per dataset%s", identities,
                    settings.identitiesFile(), perSecond(limits, "ListDatasets", identities));
        }
        return listingEstimate(limits.of("ListIdentities"));
    }

    /**
     * How fast listing the pool goes at ListIdentities' limit ({@code null}: the service's 5 a second), its figures
     * written as the rates are, so that a small limit reads {@code 0.6 identities a second}, not 1.
     */
    static String listingEstimate(@Nullable Double limit) {
        double rps = limit == null ? 5.0 : limit;
        double perSecond = rps * CognitoSource.IDENTITIES_PAGE;
        return String.format(Locale.ROOT, "estimate: ListIdentities at %s lists %s identities a second "
                + "(1,000,000 in %s min); copying overlaps it", RateLimits.shown(rps), RateLimits.figure(perSecond, 0),
                RateLimits.figure(1_000_000 / perSecond / 60, 0));
    }

    private static String perSecond(RateLimits limits, String operation, long identities) {
        Double rps = limits.of(operation);
        return rps == null ? "" : String.format(Locale.ROOT, "; at %s %s that takes at least %s min", operation,
                RateLimits.shown(rps), RateLimits.figure(identities / rps / 60, 0));
    }
}
