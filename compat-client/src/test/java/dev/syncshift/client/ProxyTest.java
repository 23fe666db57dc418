package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.ForwardProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device behind an HTTP proxy named by the environment, as on a company network or in a container: Cognito
 * Identity, Cognito Sync, AppSync's GraphQL and its real-time WebSocket all go through it, with the user and password
 * the proxy asks for, and none does for a host {@code NO_PROXY} names. The devices run in a child JVM
 * ({@link ProxiedDevice}), the only way to give a JVM an environment.
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
     * A proxy named with https:// in {@code HTTP_PROXY}: the SDK, and so the device, reach it in plain HTTP all the
     * same, which the manager warns of (a proxy that takes only TLS there would fail every call).
     */
    @Test
    void anHttpsProxyUrlIsReachedInPlainHttpAndWarnedOf(Emulators emulators, @TempDir Path dir) throws Exception {
        try (ForwardProxy proxy = new ForwardProxy()) {
            ChildJvm.Ended ended = startDevices(emulators, dir, Map.of("HTTP_PROXY",
                    "https://" + proxy.uri().getAuthority()));

            assertThat(ended.exitCode()).as("the devices ended well:%n%s", ended.output()).isZero();
            assertThat(ended.output()).contains("the change arrived", "HTTP_PROXY names an https:// proxy");
            assertThat(proxy.seen()).as("requests through the proxy")
                    .anyMatch(seen -> seen.startsWith("POST " + emulators.cognito().endpoint()))
                    .anyMatch(seen -> seen.equals("POST " + emulators.graphql()))
                    .anyMatch(seen -> seen.startsWith("CONNECT "));
        }
    }

    /**
     * A proxy that asks for a user and password, given in {@code HTTP_PROXY}: every call sends them, AppSync's
     * signed ones too (the signature still holds: the proxy's header is added after signing), and its WebSocket's
     * tunnel with the JVM option the JDK needs for a Basic user and password there, set as a container would.
     */
    @Test
    void everyCallGoesThroughAProxyAskingForThePasswordHttpProxyGives(Emulators emulators, @TempDir Path dir)
            throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("device:s3cret")) {
            String named = "http://device:s3cret@" + proxy.uri().getAuthority();
            runDevices(emulators, dir, Map.of("HTTP_PROXY", named,
                    "JDK_JAVA_OPTIONS", "-Djdk.http.auth.tunneling.disabledSchemes="));

            String appSync = authority(emulators.graphql());
            assertThat(proxy.seen()).as("requests the proxy let through")
                    .anyMatch(seen -> seen.startsWith("POST " + emulators.cognito().endpoint()))
                    .anyMatch(seen -> seen.equals("POST " + emulators.graphql()))
                    .anyMatch(seen -> seen.equals("CONNECT " + appSync));
        }
    }

    /**
     * AWS's endpoints are https, which a proxy carries through a tunnel ({@code CONNECT}): with the JVM option the
     * JDK asks for, the Cognito calls and AppSync's each open their tunnel through a proxy that asks for a password.
     * The emulators speak plain http, so what follows a tunnel fails; that the proxy let the tunnel through is what
     * is checked here (it notes no request it refused).
     */
    @Test
    void theTunnelsToHttpsEndpointsPassAProxyAskingForThePassword(Emulators emulators, @TempDir Path dir)
            throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("device:s3cret")) {
            Map<String, String> environment = Map.of("HTTP_PROXY", "http://device:s3cret@"
                    + proxy.uri().getAuthority(), "JDK_JAVA_OPTIONS", "-Djdk.http.auth.tunneling.disabledSchemes=");
            URI cognito = emulators.cognito().endpoint();
            URI graphql = emulators.graphql();

            // the two devices are independent: they run at once
            CompletableFuture<ChildJvm.Ended> appSyncRun = ChildJvm.runAsync(dir.resolve("appsync.log"), environment,
                    Duration.ofMinutes(2), ProxiedDevice.class, emulators.poolId(), cognito.toString(), https(graphql));
            ChildJvm.Ended toCognito = ChildJvm.run(dir.resolve("cognito.log"), environment, Duration.ofMinutes(2),
                    ProxiedDevice.class, emulators.poolId(), https(cognito), graphql.toString());
            ChildJvm.Ended toAppSync = appSyncRun.get();

            assertThat(List.of(toAppSync, toCognito)).extracting(ChildJvm.Ended::exitCode).containsOnly(1);
            assertThat(proxy.seen()).as("requests the proxy let through:%n%s%n%s", toAppSync.output(),
                    toCognito.output()).contains("CONNECT " + authority(graphql), "CONNECT " + authority(cognito));
        }
    }

    /**
     * A proxy that asks for a user and password for AppSync's requests, given none: the synchronize fails naming the
     * proxy's 407 and where a user and password go, rather than as an unreadable answer.
     */
    @Test
    void aProxyAskingForAPasswordItWasNotGivenIsNamed(Emulators emulators, @TempDir Path dir) throws Exception {
        String appSync = emulators.graphql().toString();
        try (ForwardProxy proxy = new ForwardProxy("device:s3cret", target -> target.equals(appSync))) {
            ChildJvm.Ended ended = startDevices(emulators, dir, Map.of("HTTP_PROXY", proxy.uri().toString()));

            assertThat(ended.exitCode()).as(ended.output()).isEqualTo(1);
            assertThat(ended.output()).contains("the synchronize failed: dev.syncshift.client.DataStorageException:"
                    + " Failed to synchronize dataset: proxied: the HTTP proxy asks for a user and password (HTTP 407)"
                    + " and was given none it accepts: name them in HTTP_PROXY (http://user:password@host:port)");
            assertThat(proxy.seen()).as("requests the proxy let through")
                    .anyMatch(seen -> seen.startsWith("POST " + emulators.cognito().endpoint()))
                    .noneMatch(seen -> seen.equals("POST " + appSync));
        }
    }

    /**
     * A proxy that asks for a user and password for the real-time WebSocket's tunnel only, given none: the
     * subscription's connection warns once (not at each of its attempts), naming the proxy's 407 and where a user and
     * password go; the synchronize, whose requests the proxy lets through, works.
     */
    @Test
    void aProxyRefusingTheRealtimeTunnelIsNamedOnce(Emulators emulators, @TempDir Path dir) throws Exception {
        URI graphql = emulators.graphql();
        try (ForwardProxy proxy = new ForwardProxy("device:s3cret", target -> target.equals(authority(graphql)))) {
            ChildJvm.Ended ended = ChildJvm.run(dir.resolve("device.log"), Map.of("HTTP_PROXY",
                    proxy.uri().toString()), Duration.ofMinutes(2), ProxiedDevice.class, emulators.poolId(),
                    emulators.cognito().endpoint().toString(), graphql.toString(), "5");

            assertThat(ended.exitCode()).as(ended.output()).isEqualTo(1);
            assertThat(ended.output()).doesNotContain("the synchronize failed").contains("no change arrived");
            assertThat(ended.output().lines().filter(line -> line.contains(" WARN ")
                    && line.contains("the HTTP proxy asks for a user and password (HTTP 407)")))
                    .as("warnings naming the proxy's 407 in:%n%s", ended.output()).hasSize(1);
            assertThat(proxy.seen()).as("requests the proxy let through")
                    .anyMatch(seen -> seen.equals("POST " + graphql))
                    .noneMatch(seen -> seen.startsWith("CONNECT "));
        }
    }

    /**
     * A proxy variable the AWS SDK cannot read as a URL, which it would pass over (logging a stack trace) so that every
     * call went direct: building the manager is refused, naming the variable.
     */
    @Test
    void aProxyVariableThatIsNoUrlIsRefusedWhenTheManagerIsBuilt(Emulators emulators, @TempDir Path dir)
            throws Exception {
        ChildJvm.Ended ended = startDevices(emulators, dir, Map.of("HTTP_PROXY", "proxy.example:3128"));

        assertThat(ended.exitCode()).as(ended.output()).isEqualTo(1);
        assertThat(ended.output()).contains("java.lang.IllegalArgumentException: HTTP_PROXY 'proxy.example:3128' is "
                + "not a proxy URL such as http://host:port or http://user:password@host:port")
                .doesNotContain("Malformed proxy config");
    }

    @Test
    void noCallGoesThroughTheProxyForAHostNoProxyNames(Emulators emulators, @TempDir Path dir) throws Exception {
        try (ForwardProxy proxy = new ForwardProxy()) {
            runDevices(emulators, dir, Map.of("HTTP_PROXY", proxy.uri().toString(), "NO_PROXY", "127.0.0.1"));

            assertThat(proxy.seen()).as("requests through the proxy").isEmpty();
        }
    }

    /** As above with a proxy that has a user, whose calls open their connections their own way ({@code SdkProxy}). */
    @Test
    void noCallGoesThroughAProxyWithAUserForAHostNoProxyNames(Emulators emulators, @TempDir Path dir)
            throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("device:s3cret")) {
            runDevices(emulators, dir, Map.of("HTTP_PROXY", "http://device:s3cret@" + proxy.uri().getAuthority(),
                    "NO_PROXY", "127.0.0.1"));

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

    private static String https(URI plain) {
        return plain.toString().replaceFirst("^http:", "https:");
    }

    private static String authority(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
