package dev.syncshift.emulator.cognitosync;

import dev.syncshift.emulator.cognitosync.fault.FaultGate;
import dev.syncshift.emulator.cognitosync.fixture.EmulatorState;
import dev.syncshift.emulator.cognitosync.fixture.FixtureFile;
import dev.syncshift.emulator.cognitosync.rules.DatasetRules;
import dev.syncshift.emulator.cognitosync.rules.IdGenerator;
import dev.syncshift.emulator.cognitosync.rules.IdentityRules;
import dev.syncshift.emulator.cognitosync.rules.OperationGate;
import dev.syncshift.emulator.cognitosync.rules.RecordRules;
import dev.syncshift.emulator.cognitosync.rules.SessionTokens;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryDatasetStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryIdentityStore;
import dev.syncshift.emulator.cognitosync.wire.CognitoHttpHandler;
import dev.syncshift.emulator.cognitosync.wire.RequestAuthenticator;
import dev.syncshift.emulator.cognitosync.wire.Services;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.http.UriCompliance;
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
    private final @Nullable Path exportOnExit;

    private CognitoSyncEmulator(Server server, URI endpoint, IdentityStore identityStore, DatasetStore datasetStore,
            @Nullable Path exportOnExit) {
        this.exportOnExit = exportOnExit;
        this.server = server;
        this.endpoint = endpoint;
        this.identityStore = identityStore;
        this.datasetStore = datasetStore;
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
        Services services = new Services(
                new RecordRules(datasetStore, identities, tokens, List.of(), config.clock()),
                new DatasetRules(datasetStore, identities, List.of(), config.clock()),
                identities);
        CognitoHttpHandler handler = new CognitoHttpHandler(services,
                RequestAuthenticator.anySignature(config.accountId()), gate(config), config.maxBodyBytes());
        Server server = listen(config, handler);
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        URI endpoint = URI.create("http://" + config.host() + ":" + connector.getLocalPort());
        return new CognitoSyncEmulator(server, endpoint, identityStore, datasetStore, config.state().exportOnExit());
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

    IdentityStore identityStore() {
        return identityStore;
    }

    DatasetStore datasetStore() {
        return datasetStore;
    }

    /** Starts from the command line (see {@link CommandLine}) and serves until killed. */
    public static void main(String[] args) {
        CognitoSyncEmulatorConfig config = CommandLine.parse(args);
        CognitoSyncEmulator emulator = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "cognito-sync-emulator-stop"));
        System.out.println("Cognito Sync emulator ready at " + emulator.endpoint());
    }

    private static OperationGate gate(CognitoSyncEmulatorConfig config) {
        return FaultGate.of(config.faults(), config.seed());
    }

    private static Server listen(CognitoSyncEmulatorConfig config, CognitoHttpHandler handler) {
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.LEGACY);
        http.setSendServerVersion(false);
        // Signed requests carry unique header values; Jetty's per-connection header cache thrashed on them (profiled)
        http.setHeaderCacheSize(0);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the emulator on " + config.host() + ":"
                    + config.port(), e);
        }
        return server;
    }
}
