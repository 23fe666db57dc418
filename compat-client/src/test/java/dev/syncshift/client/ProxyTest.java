package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
            Ended ended = startDevices(emulators, dir, Map.of("HTTP_PROXY", named));

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
        Ended ended = startDevices(emulators, dir, proxySettings);
        assertThat(ended.exitCode()).as("the devices ended well:%n%s", ended.output()).isZero();
        assertThat(ended.output()).contains("the change arrived");
    }

    /** Runs {@link ProxiedDevice} with {@code proxySettings} as its only proxy variables, for at most 2 minutes. */
    private static Ended startDevices(Emulators emulators, Path dir, Map<String, String> proxySettings)
            throws IOException, InterruptedException {
        Path log = dir.resolve("device.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ProxiedDevice.class.getName(),
                emulators.poolId(), emulators.cognito().endpoint().toString(), emulators.graphql().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        builder.environment().putAll(proxySettings);
        Process device = builder.start();
        boolean ended = device.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            device.destroyForcibly();
        }
        return new Ended(ended ? device.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
    }

    /** How a child JVM ended: its exit code (-1: it was killed after 2 minutes) and what it printed. */
    private record Ended(int exitCode, String output) {
    }

    private static String authority(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
