package dev.syncshift.emulator.cognitosync;

import dev.syncshift.emulator.cognitosync.fault.FaultGate;
import dev.syncshift.emulator.cognitosync.fixture.EmulatorState;
import dev.syncshift.emulator.cognitosync.fixture.FixtureFile;
import dev.syncshift.emulator.cognitosync.rules.CredentialRules;
import dev.syncshift.emulator.cognitosync.rules.DatasetRules;
import dev.syncshift.emulator.cognitosync.rules.DeveloperKeys;
import dev.syncshift.emulator.cognitosync.rules.DeveloperLookupRules;
import dev.syncshift.emulator.cognitosync.rules.IdGenerator;
import dev.syncshift.emulator.cognitosync.rules.IdentityDeletionRules;
import dev.syncshift.emulator.cognitosync.rules.IdentityPoolRules;
import dev.syncshift.emulator.cognitosync.rules.IdentityRules;
import dev.syncshift.emulator.cognitosync.rules.MergeRules;
import dev.syncshift.emulator.cognitosync.rules.OpenIdTokenRules;
import dev.syncshift.emulator.cognitosync.rules.OperationGate;
import dev.syncshift.emulator.cognitosync.rules.RecordRules;
import dev.syncshift.emulator.cognitosync.rules.SessionTokens;
import dev.syncshift.emulator.cognitosync.rules.StsRules;
import dev.syncshift.emulator.cognitosync.rules.UnlinkRules;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryCredentialStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryDatasetStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryIdentityStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryRoleSessionStore;
import dev.syncshift.emulator.cognitosync.store.StoredPushNotification;
import dev.syncshift.emulator.cognitosync.store.StoredStreamRecord;
import dev.syncshift.emulator.cognitosync.wire.BrowserAccess;
import dev.syncshift.emulator.cognitosync.wire.CognitoHttpHandler;
import dev.syncshift.emulator.cognitosync.wire.MalformedRequestHandler;
import dev.syncshift.emulator.cognitosync.wire.RequestAuthenticator;
import dev.syncshift.emulator.cognitosync.wire.Services;
import dev.syncshift.emulator.cognitosync.wire.StsHandler;
import dev.syncshift.emulator.cognitosync.wire.StreamRecordJson;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/**
 * A running Cognito Sync + Cognito Identity emulator: both services answer on one endpoint. {@link #start} is the
 * one way to run it, from {@link #main} and from tests alike; {@link #close} stops it.
 */
public final class CognitoSyncEmulator implements AutoCloseable {

    private final Server server;
    private final URI endpoint;
    private final IdentityStore identityStore;
    private final DatasetStore datasetStore;
    private final PoolWiring pool;
    private final @Nullable Path exportOnExit;

    private CognitoSyncEmulator(Server server, URI endpoint, IdentityStore identityStore, DatasetStore datasetStore,
            PoolWiring pool, @Nullable Path exportOnExit) {
        this.exportOnExit = exportOnExit;
        this.server = server;
        this.endpoint = endpoint;
        this.identityStore = identityStore;
        this.datasetStore = datasetStore;
        this.pool = pool;
    }

    /**
     * Starts an emulator with the state {@code config} names (empty by default).
     *
     * @throws IllegalStateException when the server cannot bind
     * @throws dev.syncshift.emulator.cognitosync.fixture.InvalidFixtureException when the fixture cannot be loaded
     */
    public static CognitoSyncEmulator start(CognitoSyncEmulatorConfig config) {
        IdentityStore identityStore = new InMemoryIdentityStore();
        DatasetStore datasetStore = new InMemoryDatasetStore();
        EmulatorState initial = EmulatorState.initial(config.state());
        initial.loadInto(identityStore, datasetStore);
        IdGenerator ids = new IdGenerator(config.seed() ^ initial.idSalt());
        IdentityRules identities = new IdentityRules(identityStore, ids, config.clock(), config.region());
        SessionTokens tokens = new SessionTokens(ids.uuid(), config.clock());
        CredentialRules credentials = new CredentialRules(identityStore, new InMemoryCredentialStore(), ids,
                config.clock(), config.credentialLifetime());
        PoolWiring pool = PoolWiring.create(identityStore, datasetStore, identities, ids, config.clock());
        StsRules sts = new StsRules(new InMemoryRoleSessionStore(), identityStore, ids, config.clock(),
                config.accountId());
        Services services = new Services(
                new RecordRules(datasetStore, identities, tokens, pool.listeners(), config.clock()),
                new DatasetRules(datasetStore, identities, pool.listeners(), config.clock()),
                identities,
                credentials,
                pool.services(),
                new IdentityPoolRules(identityStore, identities),
                new OpenIdTokenRules(identities, ids, config.clock()),
                new MergeRules(identityStore, datasetStore, identities, config.clock()),
                new IdentityDeletionRules(identityStore, datasetStore),
                new DeveloperLookupRules(identities),
                new UnlinkRules(identityStore, datasetStore, identities, config.clock()),
                sts);
        DeveloperKeys developerKeys = new DeveloperKeys(config.developerKeys());
        RequestAuthenticator authenticator = config.strictAuth()
                ? RequestAuthenticator.strict(config.accountId(), config.region(), credentials, sts,
                        developerKeys, config.clock())
                : RequestAuthenticator.anySignature(config.accountId(), credentials);
        CognitoHttpHandler handler = new CognitoHttpHandler(services, authenticator, gate(config),
                config.maxBodyBytes());
        Server server = listen(config, new StsHandler(sts, authenticator, config.maxBodyBytes(), handler));
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        URI endpoint = URI.create("http://" + config.host() + ":" + connector.getLocalPort());
        return new CognitoSyncEmulator(server, endpoint, identityStore, datasetStore, pool,
                config.state().exportOnExit());
    }

    /** The endpoint both services answer on, for {@code endpointOverride}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Writes every pool, identity and dataset to {@code file} as a fixture (FIXTURES.md), replacing it.
     *
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public void exportFixture(Path file) {
        FixtureFile.write(EmulatorState.capture(identityStore, datasetStore), file);
    }

    /** Stops the server, first exporting the state when the config names an export file; state is lost. */
    @Override
    public void close() {
        try {
            if (exportOnExit != null) {
                exportFixture(exportOnExit);
            }
        } finally {
            stop();
        }
    }

    private void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the emulator at " + endpoint, e);
        }
    }

    /**
     * The records Cognito Streams put on the Kinesis stream {@code streamName}, oldest first, as the JSON a Kinesis
     * consumer reads (docs/cognito-sync.md#usage-push-sync-and-streams); empty for a stream never written.
     */
    public List<String> streamRecords(String streamName) {
        StreamRecordJson json = new StreamRecordJson();
        return pool.streams().records(streamName).stream().map(json::write).toList();
    }

    /**
     * What the {@code kinesisSyncRecordsURL} of an {@code S3Url} record of {@code streamName} serves: the JSON array
     * of its records; empty when no record of the stream has that URL.
     */
    public Optional<String> streamPayload(String streamName, String kinesisSyncRecordsUrl) {
        List<StoredStreamRecord> records = pool.streams().records(streamName);
        return records.stream().filter(record -> StreamRecordJson.url(record).equals(kinesisSyncRecordsUrl))
                .reduce((first, second) -> second).map(new StreamRecordJson()::payload);
    }

    /**
     * Every push notification sent to a subscribed device, oldest first
     * (docs/cognito-sync.md#usage-push-sync-and-streams).
     */
    public List<StoredPushNotification> pushNotifications() {
        return pool.pushSync().notifications();
    }

    IdentityStore identityStore() {
        return identityStore;
    }

    DatasetStore datasetStore() {
        return datasetStore;
    }

    /**
     * Starts from the command line (see {@link EmulatorCommand}) and serves until killed. {@code --help} and
     * {@code --version} print and exit 0, usage errors exit 2, and an emulator that cannot start exits 1, each with
     * one line on stderr.
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        EmulatorCommand.Outcome outcome = EmulatorCommand.run(args, out, err);
        if (outcome instanceof EmulatorCommand.Outcome.Start start) {
            serve(start.config(), out, err);
        } else if (outcome instanceof EmulatorCommand.Outcome.Exit exit) {
            System.exit(exit.code());
        }
    }

    private static void serve(CognitoSyncEmulatorConfig config, PrintWriter out, PrintWriter err) {
        CognitoSyncEmulator emulator;
        try {
            emulator = start(config);
        } catch (RuntimeException e) {
            err.println(EmulatorCommand.NAME + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                emulator.close();
            } catch (RuntimeException e) {
                err.println(EmulatorCommand.NAME + ": " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")"));
            }
        }, "cognito-sync-emulator-stop"));
        out.println("Cognito Sync emulator ready at " + emulator.endpoint());
    }

    private static OperationGate gate(CognitoSyncEmulatorConfig config) {
        return FaultGate.of(config.faults(), config.seed());
    }

    private static Server listen(CognitoSyncEmulatorConfig config, Handler handler) {
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.LEGACY);
        http.setSendServerVersion(false);
        // Signed requests carry unique header values; Jetty's per-connection header cache thrashed on them (profiled)
        http.setHeaderCacheSize(0);
        // Jetty's cache of well-known header values would hand back "charset=utf-8" for a signed "charset=UTF-8"
        http.setHeaderCacheCaseSensitive(true);
        Server server = new Server();
        server.setErrorHandler(new MalformedRequestHandler());
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(BrowserAccess.around(handler));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the emulator on " + config.host() + ":"
                    + config.port(), e);
        }
        return server;
    }
}
