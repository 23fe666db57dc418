package dev.syncshift.client;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Two AppSync devices of one identity: {@code listening}, whose real-time connection goes through a {@link TcpProxy}
 * the test controls, and {@code writing}, connected directly. Closing closes both and the relay.
 */
final class RelayedDevices implements AutoCloseable {

    final TcpProxy proxy;
    final CognitoSyncManager listening;
    final CognitoSyncManager writing;

    /** {@code listening} is built by {@code settings} applied to the emulators' device builder. */
    RelayedDevices(Emulators emulators, UnaryOperator<CognitoSyncManagerBuilder> settings) {
        proxy = TcpProxy.start(emulators.graphql(), Duration.ZERO);
        listening = settings.apply(emulators.device(Backend.APPSYNC)
                .appSyncRealtimeEndpoint(proxy.uri(emulators.appSync().realtimeEndpoint()))).build();
        writing = emulators.device(Backend.APPSYNC).identityId(listening.getIdentityId()).build();
    }

    @Override
    public void close() {
        writing.close();
        listening.close();
        proxy.close();
    }
}
