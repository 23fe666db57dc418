package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device behind an HTTP proxy named by the environment, as on a company network or in a container: Cognito
 * Identity, Cognito Sync, AppSync's GraphQL and its real-time WebSocket all go through it, and none does for a host
 * {@code NO_PROXY} names. The devices run in a child JVM ({@link ProxiedDevice}), the only way to give a JVM an
 * environment.
 */
@ExtendWith(EmulatorsExtension.class)
class ProxyTest {

    @Test
    void everyCallOfADeviceGoesThroughTheProxyHttpProxyNames(Emulators emulators, @TempDir Path dir)
            throws Exception {
        try (ForwardProxy proxy = new ForwardProxy()) {
            runDevices(emulators, dir, Map.of("HTTP_PROXY", proxy.uri().toString()));

            String appSync = authority(emulators.graphql());
            assertThat(proxy.seen()).as("requests through the proxy")
                    .anyMatch(seen -> seen.startsWith("POST " + emulators.cognito().endpoint()))
                    .anyMatch(seen -> seen.equals("POST " + emulators.graphql()))
                    .anyMatch(seen -> seen.startsWith("CONNECT ") && seen.contains(appSync));
        }
    }

    /**
     * A proxy that asks for a user and password, given in {@code HTTP_PROXY}: the Cognito calls (the AWS SDK's) send
     * them, the AppSync ones cannot (the JDK's HTTP client would then take over AppSync's own 401 answers and drop
     * the request's signature when it sends it again), and the synchronize fails saying so.
     */
    @Test
    void aProxyAskingForAPasswordIsNamedWhenAppSyncCannotPassIt(Emulators emulators, @TempDir Path dir)
            throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("device:s3cret")) {
            String named = "http://device:s3cret@" + proxy.uri().getAuthority();
            ChildJvm.Ended ended = startDevices(emulators, dir, Map.of("HTTP_PROXY", named));

            assertThat(ended.exitCode()).as(ended.output()).isEqualTo(1);
            assertThat(ended.output()).contains("the synchronize failed: dev.syncshift.client.DataStorageException:"
                    + " Failed to synchronize dataset: proxied:"
                    + " the HTTP proxy asks for a user and password (HTTP 407)");
            assertThat(proxy.seen()).as("requests the proxy let through")
                    .anyMatch(seen -> seen.startsWith("POST " + emulators.cognito().endpoint()));
        }
    }

    @Test
    void noCallGoesThroughTheProxyForAHostNoProxyNames(Emulators emulators, @TempDir Path dir) throws Exception {
        try (ForwardProxy proxy = new ForwardProxy()) {
            runDevices(emulators, dir, Map.of("HTTP_PROXY", proxy.uri().toString(), "NO_PROXY", "127.0.0.1"));

            assertThat(proxy.seen()).as("requests through the proxy").isEmpty();
        }
    }

    /** Runs {@link ProxiedDevice} with {@code proxySettings} as its only proxy variables; it must succeed. */
    private static void runDevices(Emulators emulators, Path dir, Map<String, String> proxySettings)
            throws IOException, InterruptedException {
        ChildJvm.Ended ended = startDevices(emulators, dir, proxySettings);
        assertThat(ended.exitCode()).as("the devices ended well:%n%s", ended.output()).isZero();
        assertThat(ended.output()).contains("the change arrived");
    }

    /** Runs {@link ProxiedDevice} with {@code proxySettings} as its only proxy variables, for at most 2 minutes. */
    private static ChildJvm.Ended startDevices(Emulators emulators, Path dir, Map<String, String> proxySettings)
            throws IOException, InterruptedException {
        return ChildJvm.run(dir.resolve("device.log"), proxySettings, Duration.ofMinutes(2), ProxiedDevice.class,
                emulators.poolId(), emulators.cognito().endpoint().toString(), emulators.graphql().toString());
    }

    private static String authority(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
