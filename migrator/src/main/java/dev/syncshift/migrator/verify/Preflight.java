package dev.syncshift.migrator.verify;

import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.config.ProxyEnvironment;
import dev.syncshift.migrator.target.StoreTableShape;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityPoolResponse;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoStreams;
import software.amazon.awssdk.services.cognitosync.model.GetCognitoEventsResponse;
import software.amazon.awssdk.services.cognitosync.model.GetIdentityPoolConfigurationResponse;
import software.amazon.awssdk.services.cognitosync.model.IdentityPoolUsage;
import software.amazon.awssdk.services.cognitosync.model.PushSync;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What must hold before a run writes anything: the pool exists and the developer credentials may read it, and the
 * table exists (or may be created) with the store's layout. Reads only.
 */
public final class Preflight {

    /** The keys of a pool's roles, and whose they are. */
    private static final List<Map.Entry<String, String>> ROLE_KINDS = List.of(
            Map.entry("authenticated", "signed-in users"), Map.entry("unauthenticated", "guests"));

    /** Attempts of the first call to each service (see {@link #reaching}). */
    static final int REACHING_ATTEMPTS = 3;


    private final CognitoIdentityClient identity;
    private final CognitoSyncClient sync;
    private final DynamoDbClient dynamoDb;
    private final ProxyEnvironment proxies;

    /** A preflight through these clients, whose calls go through {@code proxies}. */
    public Preflight(CognitoIdentityClient identity, CognitoSyncClient sync, DynamoDbClient dynamoDb,
            ProxyEnvironment proxies) {
        this.identity = identity;
        this.sync = sync;
        this.dynamoDb = dynamoDb;
        this.proxies = proxies;
    }

    /**
     * Checks the source and the target.
     *
     * @param tableMayBeMissing whether a missing table is fine (it will be created)
     * @return what was found, one line each; problems are in {@link Findings#problems()}
     */
    public Findings check(MigratorSettings settings, boolean tableMayBeMissing) {
        Findings findings = new Findings(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        checkSource(settings, findings);
        checkTable(settings, tableMayBeMissing, findings, null);
        return findings;
    }

    /**
     * {@link #check} of a table that must exist, and, when the pool can be read, the roles its devices act as
     * (each needs the API's user policy) and what it runs on every sync that AppSync will not run
     * ({@link Findings#warnings()}), and the proxy each side's calls go through and the endpoints the AWS SDK's own
     * settings name: what the {@code check} command reports.
     */
    public Findings checkBeforeCutover(MigratorSettings settings) {
        Findings findings = new Findings(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        wayOut("Cognito", proxies.proxyFor(settings.cognitoEndpoint()), findings);
        wayOut("DynamoDB", proxies.proxyFor(settings.dynamodbEndpoint()), findings);
        findings.facts().addAll(endpointsFromSdk(settings));
        Long poolBytes = checkSource(settings, findings);
        if (poolBytes != null) {
            checkRoles(settings.identityPoolId(), findings);
            checkWhatStaysBehind(settings.identityPoolId(), findings);
        }
        checkTable(settings, false, findings, poolBytes);
        return findings;
    }

    /**
     * Where the calls go that the AWS SDK's own settings send to an endpoint of their own, one line each (none when
     * options name every endpoint, or nothing does): what {@code check} reports, and a run says before it starts.
     */
    public List<String> endpointsFromSdk(MigratorSettings settings) {
        Findings findings = new Findings(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        endpointFromSdk("Cognito Identity", settings.cognitoEndpoint(), identity, findings);
        endpointFromSdk("Cognito Sync", settings.cognitoEndpoint(), sync, findings);
        endpointFromSdk("DynamoDB", settings.dynamodbEndpoint(), dynamoDb, findings);
        return findings.facts();
    }

    /**
     * Says where the calls to {@code service} go when no option names an endpoint and the AWS SDK's own settings do
     * ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>}, a profile's {@code endpoint_url}), as the AWS CLI
     * takes them: a developer's machine set up for DynamoDB Local would otherwise send the copy there unseen.
     */
    private static void endpointFromSdk(String service, @Nullable URI option, SdkClient client, Findings findings) {
        if (option == null) {
            client.serviceClientConfiguration().endpointOverride().ifPresent(endpoint -> findings.facts().add(
                    "calls to " + service + " go to " + endpoint + ", which the AWS SDK's endpoint settings name "
                    + "(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT).replace(' ', '_')
                    + " or the profile's endpoint_url)"));
        }
    }

    /**
     * The first call to a service, made with {@value #REACHING_ATTEMPTS} attempts (fewer where the settings allow
     * fewer) so that an endpoint nothing answers on (a port nothing listens on, a host name that does not resolve, a
     * proxy that cannot be reached) is told in about a second, not after every retry the run's calls get (about a
     * minute at the default of 10). A call that reached the service and was throttled or met a server error it named
     * (a proxy's 502 names none) is made again with every attempt the client allows.
     *
     * @param call the call, with the request's override to apply
     */
    private static <T> T reaching(MigratorSettings settings,
            Function<Consumer<AwsRequestOverrideConfiguration.Builder>, T> call) {
        int attempts = Math.min(REACHING_ATTEMPTS, settings.maxAttempts());
        SdkPlugin few = config -> config.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy
                .standardRetryStrategy().toBuilder().circuitBreakerEnabled(false).maxAttempts(attempts).build()));
        try {
            return call.apply(o -> o.addPlugin(few));
        } catch (AwsServiceException e) {
            // a server error counts only when the service said it (an error code): a proxy's 502 for a host it cannot
            // reach is no answer of the service's
            boolean serviceFault = e.statusCode() >= 500 && e.awsErrorDetails() != null
                    && e.awsErrorDetails().errorCode() != null;
            if (!e.isThrottlingException() && !serviceFault) {
                throw e;
            }
        }
        return call.apply(o -> { });
    }

    /** Says which proxy the calls to {@code side} go through, where one does: an operator's first question. */
    private static void wayOut(String side, ProxyEnvironment.@Nullable Proxy proxy, Findings findings) {
        if (proxy != null) {
            findings.facts().add("calls to " + side + " go through the HTTP proxy " + proxy.named()
                    + (proxy.user() == null ? "" : ", as " + proxy.user()));
        }
    }

    /** Checks the pool; returns its sync data in bytes, or null when it cannot be read. */
    private @Nullable Long checkSource(MigratorSettings settings, Findings findings) {
        try {
            DescribeIdentityPoolResponse pool = reaching(settings, attempts -> identity.describeIdentityPool(
                    r -> r.identityPoolId(settings.identityPoolId()).overrideConfiguration(attempts)));
            findings.facts().add("pool " + pool.identityPoolId() + " (" + pool.identityPoolName() + ") exists"
                    + (Boolean.TRUE.equals(pool.allowUnauthenticatedIdentities())
                    ? " and has guests (unauthenticated identities)" : ""));
            IdentityPoolUsage usage = sync.describeIdentityPoolUsage(r -> r.identityPoolId(settings.identityPoolId()))
                    .identityPoolUsage();
            findings.facts().add(String.format(Locale.ROOT, "pool usage: %,d bytes of sync data, %,d sync sessions",
                    orZero(usage.dataStorage()), orZero(usage.syncSessionsCount())));
            return orZero(usage.dataStorage());
        } catch (software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException e) {
            findings.problems().add("source: " + SdkFailures.describe(e) + " Check the pool id: the account of these "
                    + "credentials has no identity pool of that id in " + settings.pool().region()
                    + " (the region the id names)");
            return null;
        } catch (SdkException e) {
            findings.problems().add("source: "
                    + SdkFailures.describe(e, proxies.proxyFor(settings.cognitoEndpoint())));
            return null;
        }
    }

    /*
     * The roles the pool's devices act as: each one needs the API's user policy before devices switch, the guests'
     * too (the migrator copies their data). A pool without a role gives its devices no credentials at all.
     */
    private void checkRoles(String pool, Findings findings) {
        try {
            Map<String, String> roles = identity.getIdentityPoolRoles(r -> r.identityPoolId(pool)).roles();
            List<String> named = new ArrayList<>();
            for (Map.Entry<String, String> kind : ROLE_KINDS) {
                if (roles.containsKey(kind.getKey())) {
                    named.add(roles.get(kind.getKey()) + " (" + kind.getValue() + ")");
                }
            }
            if (named.isEmpty()) {
                findings.warnings().add("pool " + pool + " has no roles: its devices get no AWS credentials, for "
                        + "Cognito Sync or AppSync; set them (SetIdentityPoolRoles) and give each the API's user "
                        + "policy (the stack's AuthenticatedUserPolicyArn)");
                return;
            }
            findings.facts().add("devices of pool " + pool + " act as " + String.join(" and ", named) + ": give "
                    + (named.size() == 1 ? "it" : "each") + " the API's user policy (the stack's "
                    + "AuthenticatedUserPolicyArn) before devices switch");
        } catch (SdkException e) {
            findings.warnings().add("could not read the pool's roles (" + SdkFailures.describe(e) + "): each "
                    + "needs the API's user policy (the stack's AuthenticatedUserPolicyArn) before devices switch, "
                    + "the guests' (unauthenticated) role too; " + (SdkFailures.isAccessDenied(e)
                    ? "allow cognito-identity:GetIdentityPoolRoles to see them" : "run check again to see them"));
        }
    }

    /*
     * What the pool does on every sync beside storing data, which AppSync will not do for devices that switched:
     * a sync trigger (Cognito Events), a Kinesis stream (Cognito Streams) and push sync. Each is a warning, not a
     * problem: the data migrates either way, but the team has to replace it before devices switch.
     */
    private void checkWhatStaysBehind(String pool, Findings findings) {
        List<String> behind = new ArrayList<>();
        try {
            GetCognitoEventsResponse events = sync.getCognitoEvents(r -> r.identityPoolId(pool));
            events.events().forEach((type, lambda) -> behind.add("Cognito Events: every sync runs Lambda " + lambda
                    + " (" + type + "); AppSync does not call it, so writes from devices on AppSync skip it: move "
                    + "what it checks or changes into the API's resolvers before devices switch"));
            GetIdentityPoolConfigurationResponse configuration = sync.getIdentityPoolConfiguration(
                    r -> r.identityPoolId(pool));
            CognitoStreams streams = configuration.cognitoStreams();
            if (streams != null && streams.streamingStatus() == StreamingStatus.ENABLED) {
                behind.add("Cognito Streams: every sync is sent to Kinesis stream " + streams.streamName()
                        + "; writes through AppSync do not reach it: feed its consumers from a DynamoDB stream of "
                        + "the table instead");
            }
            PushSync push = configuration.pushSync();
            if (push != null && !push.applicationArns().isEmpty()) {
                int apps = push.applicationArns().size();
                behind.add("push sync: changes notify devices through " + apps + " SNS platform application"
                        + (apps == 1 ? "" : "s") + "; AppSync sends no push notifications: devices on AppSync "
                        + "learn of changes through subscriptions (the compat client's subscribe())");
            }
        } catch (SdkException e) {
            behind.add("could not read what the pool runs on every sync (" + SdkFailures.describe(e) + "): a sync "
                    + "trigger, Kinesis stream or push sync would not carry over to AppSync; " + (SdkFailures
                    .isAccessDenied(e) ? "allow cognito-sync:GetCognitoEvents and cognito-sync:"
                    + "GetIdentityPoolConfiguration to see them" : "run check again to see them"));
        }
        if (behind.isEmpty()) {
            findings.facts().add("pool " + pool + " uses no sync trigger, stream or push sync, none of which "
                    + "AppSync runs");
        }
        findings.warnings().addAll(behind);
    }

    /** Checks the table's layout and, given the pool's size in bytes, says how fast it takes the copy. */
    private void checkTable(MigratorSettings settings, boolean mayBeMissing, Findings findings,
            @Nullable Long poolBytes) {
        try {
            TableDescription table = reaching(settings, attempts -> dynamoDb.describeTable(
                    r -> r.tableName(settings.table()).overrideConfiguration(attempts))).table();
            List<String> differences = StoreTableShape.differences(table);
            if (differences.isEmpty()) {
                findings.facts().add("table " + settings.table() + " has the store layout");
                if (poolBytes != null) {
                    findings.facts().add(TableCapacity.describe(table, poolBytes));
                }
            }
            differences.forEach(d -> findings.problems().add("target: table " + settings.table() + ": " + d));
        } catch (ResourceNotFoundException missing) {
            if (mayBeMissing) {
                findings.facts().add("table " + settings.table() + " does not exist yet; it will be created");
            } else {
                findings.problems().add("target: table " + settings.table()
                        + " does not exist (create it with the CloudFormation template, or pass --create-table)");
            }
        } catch (SdkException e) {
            findings.problems().add("target: "
                    + SdkFailures.describe(e, proxies.proxyFor(settings.dynamodbEndpoint())));
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /**
     * What a preflight found.
     *
     * @param facts what holds
     * @param problems what stops a run
     * @param warnings what does not stop a run but needs the operator's attention
     */
    public record Findings(List<String> facts, List<String> problems, List<String> warnings) {

        /** Whether a run may go ahead. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
