package dev.syncshift.emulator.appsync;

import dev.syncshift.emulator.appsync.auth.IamAuthRules;
import dev.syncshift.emulator.appsync.rules.GraphQlRules;
import dev.syncshift.emulator.appsync.store.CognitoEmulatorCredentialsRegistry;
import dev.syncshift.emulator.appsync.store.CredentialsRegistry;
import dev.syncshift.emulator.appsync.store.DynamoDbItemStore;
import dev.syncshift.emulator.appsync.store.InMemoryCredentialsRegistry;
import dev.syncshift.emulator.appsync.store.InMemorySubscriptionStore;
import dev.syncshift.emulator.appsync.store.JsonFileCredentialsRegistry;
import dev.syncshift.emulator.appsync.template.CloudFormationTemplate;
import dev.syncshift.emulator.appsync.template.LoadedTemplate;
import dev.syncshift.emulator.appsync.wire.AppSyncServer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A running local AppSync data plane. {@link #start} is the single way to run it, embedded in tests or from
 * {@link #main}. Thread-safe; {@link #close()} stops the server and releases DynamoDB (a DynamoDB client the caller
 * handed to {@code start} stays open).
 */
public final class AppSyncEmulator implements AutoCloseable {

    private final AppSyncServer server;
    private final GraphQlRules rules;
    private final LazyItemStore store;
    private final String host;
    private final String apiId;

    private AppSyncEmulator(AppSyncServer server, GraphQlRules rules, LazyItemStore store, String host,
            String apiId) {
        this.server = server;
        this.rules = rules;
        this.store = store;
        this.host = host;
        this.apiId = apiId;
    }

    /**
     * Loads the template, checks its code, creates its tables and starts serving.
     *
     * @param config the configuration
     * @return the running emulator
     * @throws dev.syncshift.emulator.appsync.api.BadRequestException when the template or code would not
     *     deploy on AppSync
     * @throws IllegalStateException when the server cannot start
     */
    public static AppSyncEmulator start(AppSyncEmulatorConfig config) {
        return start(config, registry(config), () -> openStore(config));
    }

    /**
     * Starts with a credentials registry of the caller's, e.g. one a Cognito Identity emulator also registers the
     * temporary credentials of {@code GetCredentialsForIdentity} in; {@code config.credentials()} is ignored.
     *
     * @param config the configuration
     * @param credentials the accepted access keys; consulted on every request, so later additions count
     * @return the running emulator
     * @throws dev.syncshift.emulator.appsync.api.BadRequestException when the template or code would not
     *     deploy on AppSync
     * @throws IllegalStateException when the server cannot start
     */
    public static AppSyncEmulator start(AppSyncEmulatorConfig config, CredentialsRegistry credentials) {
        return start(config, credentials, () -> openStore(config));
    }

    /**
     * Starts over a DynamoDB client the caller owns, for example the SDK v2 client of a DynamoDB Local that the
     * caller started itself ({@code DynamoDBEmbedded.create().dynamoDbClient()}, in a class loader of its own if it
     * likes): the template's tables are created in it (those that exist already are kept as they are), the data
     * sources read and write through it, and {@link #close()} leaves it open. {@code config.dynamoDbEndpoint()} and
     * {@code config.region()} are not used.
     *
     * @param config the configuration
     * @param dynamoDb the caller's client; it must stay open while the emulator runs
     * @return the running emulator
     * @throws dev.syncshift.emulator.appsync.api.BadRequestException when the template or code would not
     *     deploy on AppSync
     * @throws IllegalStateException when the server cannot start
     * @throws software.amazon.awssdk.services.dynamodb.model.DynamoDbException when a table cannot be created
     */
    public static AppSyncEmulator start(AppSyncEmulatorConfig config, DynamoDbClient dynamoDb) {
        return start(config, registry(config), dynamoDb);
    }

    /**
     * Starts over a DynamoDB client and with a credentials registry, both the caller's: see
     * {@link #start(AppSyncEmulatorConfig, DynamoDbClient)} and {@link #start(AppSyncEmulatorConfig,
     * CredentialsRegistry)}.
     *
     * @param config the configuration
     * @param credentials the accepted access keys
     * @param dynamoDb the caller's client, left open by {@link #close()}
     * @return the running emulator
     */
    public static AppSyncEmulator start(AppSyncEmulatorConfig config, CredentialsRegistry credentials,
            DynamoDbClient dynamoDb) {
        return start(config, credentials, () -> DynamoDbItemStore.over(dynamoDb));
    }

    private static CredentialsRegistry registry(AppSyncEmulatorConfig config) {
        CredentialsRegistry local = config.credentials() == null
                ? new InMemoryCredentialsRegistry(List.of()) : new JsonFileCredentialsRegistry(config.credentials());
        return config.cognitoEndpoint() == null ? local
                : new CognitoEmulatorCredentialsRegistry(config.cognitoEndpoint(), local, Clock.systemUTC());
    }

    private static AppSyncEmulator start(AppSyncEmulatorConfig config, CredentialsRegistry credentials,
            Supplier<DynamoDbItemStore> opener) {
        LoadedTemplate template = CloudFormationTemplate.load(config.template());
        GraphQlRules.validate(template.api());
        // DynamoDB Local takes seconds to start: let it start while the JS engine and schema are built.
        CompletableFuture<DynamoDbItemStore> opening = CompletableFuture.supplyAsync(
                () -> withTables(opener.get(), template));
        LazyItemStore store = new LazyItemStore(opening);
        GraphQlRules rules = null;
        try {
            rules = new GraphQlRules(template.api(), store, new InMemorySubscriptionStore<>());
            store.awaitOpen();
            AppSyncServer server = AppSyncServer.start(config.host(), config.port(), rules,
                    new IamAuthRules(credentials, config.region(), Clock.systemUTC()), config.keepAlive(),
                    config.connectionTimeout(), config.faults());
            return new AppSyncEmulator(server, rules, store, config.host(), template.api().apiId());
        } catch (Exception e) {
            if (rules != null) {
                rules.close();
            }
            store.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("cannot start the emulator", e);
        }
    }

    private static DynamoDbItemStore openStore(AppSyncEmulatorConfig config) {
        return config.dynamoDbEndpoint() == null ? DynamoDbItemStore.embedded()
                : DynamoDbItemStore.connect(config.dynamoDbEndpoint(), config.region());
    }

    private static DynamoDbItemStore withTables(DynamoDbItemStore store, LoadedTemplate template) {
        try {
            store.createTables(template.tables());
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The GraphQL endpoint.
     *
     * @return {@code http://<host>:<port>/graphql}
     */
    public URI endpoint() {
        return URI.create("http://" + host + ":" + server.port() + "/graphql");
    }

    /**
     * The real-time endpoint.
     *
     * @return {@code ws://<host>:<port>/graphql/realtime}
     */
    public URI realtimeEndpoint() {
        return URI.create("ws://" + host + ":" + server.port() + "/graphql/realtime");
    }

    /**
     * The control-plane endpoint: the AWS SDK's {@code AppSyncClient} reaches GetGraphqlApi, GetIntrospectionSchema,
     * ListResolvers, ListFunctions and EvaluateCode here through {@code endpointOverride}.
     *
     * @return {@code http://<host>:<port>}
     */
    public URI controlPlaneEndpoint() {
        return URI.create("http://" + host + ":" + server.port());
    }

    /**
     * The id of the API the template declares: 26 lower-case letters and digits, derived from the API's name, so it
     * is the same each time the same template is started.
     *
     * @return the API id
     */
    public String apiId() {
        return apiId;
    }

    /**
     * The DynamoDB client the data sources use, to seed or inspect tables directly.
     *
     * @return the client, valid until {@link #close()}
     */
    public DynamoDbClient dynamoDb() {
        return store.client();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the server", e);
        } finally {
            rules.close();
            store.close();
        }
    }

    /**
     * Command line ({@code --help} lists it). Prints one line with the endpoints when ready and serves until killed;
     * a usage error is one line on stderr and exit code 2, a failure to start one line and exit code 1.
     *
     * @param args the arguments
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        EmulatorCommand.Outcome outcome = EmulatorCommand.run(args, out, err);
        if (outcome instanceof EmulatorCommand.Outcome.Exit exit) {
            System.exit(exit.code());
            return;
        }
        AppSyncEmulator emulator;
        try {
            emulator = start(((EmulatorCommand.Outcome.Start) outcome).config());
        } catch (RuntimeException e) {
            err.println(EmulatorCommand.NAME + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        out.println("AppSync emulator ready at " + emulator.endpoint() + " (real-time "
                + emulator.realtimeEndpoint() + ", control plane " + emulator.controlPlaneEndpoint() + ", API id "
                + emulator.apiId() + ")");
        stopped.await();
    }
}
