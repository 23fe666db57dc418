package dev.syncshift.client.remote.appsync;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;

/**
 * Sends the AppSync remote's requests and WebSocket through the HTTP proxy the AWS SDK's clients use, so that
 * a device reaches AppSync the way it reaches Cognito Identity and Cognito Sync. The SDK's URLConnection client
 * (which the manager gives its Cognito clients) takes its proxy from the {@code http.proxyHost} family of system
 * properties, or else from the {@code HTTP_PROXY} and {@code NO_PROXY} environment variables, for https endpoints
 * too; without either it leaves the choice to the JDK's default proxy selector (the {@code https.proxyHost}
 * family, {@code java.net.useSystemProxies}). The JDK's HTTP client knows only the default selector: without this
 * class a proxy named by {@code HTTP_PROXY} or {@code http.proxyHost} alone carried the Cognito calls and not the
 * AppSync ones, which fail where the proxy is the only way out.
 *
 * <p>The proxy's user and password, where the SDK has them ({@code http://user:password@host:port} in
 * {@code HTTP_PROXY}, or {@code http.proxyUser} and {@code http.proxyPassword}), go in a {@code Proxy-Authorization:
 * Basic} header of each request the proxy carries ({@link #authorizationFor}), added after the request is signed.
 * Not through an {@code Authenticator}: the JDK's client then leaves out every {@code Authorization} header the
 * caller set, the SigV4 signature among them. Through a tunnel ({@code CONNECT}: https, and every WebSocket) the JDK
 * sends a Basic header only when the JVM runs with {@code -Djdk.http.auth.tunneling.disabledSchemes=""}, as its
 * {@code HttpURLConnection}, and so the AWS SDK's Cognito calls, need too; otherwise the proxy's 407 is named
 * ({@link AppSyncErrors}).
 */
final class SdkProxy extends ProxySelector {

    private final Proxy proxy;
    private final Set<String> nonProxyHosts;
    private final @Nullable String authorization;

    private SdkProxy(Proxy proxy, Set<String> nonProxyHosts, @Nullable String authorization) {
        this.proxy = proxy;
        this.nonProxyHosts = nonProxyHosts;
        this.authorization = authorization;
    }

    /** The SDK's proxy, or null when it has none. */
    static @Nullable SdkProxy fromSdk() {
        ProxyConfiguration sdk = ProxyConfiguration.builder().build();
        String host = sdk.host();
        if (host == null) {
            return null;
        }
        // A proxy named without a port has port -1 (HTTP_PROXY) or 0 (http.proxyHost) in the SDK, whose calls then
        // fail, the credentials' first: connecting to port 0 fails here too, where -1 would throw at once.
        InetSocketAddress address = InetSocketAddress.createUnresolved(host, Math.max(sdk.port(), 0));
        return of(address, sdk.nonProxyHosts(), sdk.username(), sdk.password());
    }

    /** The proxy at {@code address}, passed over for hosts matching {@code nonProxyHosts}, with its user, if any. */
    static SdkProxy of(InetSocketAddress address, Set<String> nonProxyHosts, @Nullable String user,
            @Nullable String password) {
        return new SdkProxy(new Proxy(Proxy.Type.HTTP, address), nonProxyHosts, basic(user, password));
    }

    /** {@code builder} with {@code proxy}, if there is one. */
    static HttpClient.Builder applyTo(HttpClient.Builder builder, @Nullable SdkProxy proxy) {
        return proxy == null ? builder : builder.proxy(proxy);
    }

    /**
     * The {@code Proxy-Authorization} header's value for a request to {@code uri}: null when the request goes
     * direct or the proxy was given no user, so that the user and password go to the proxy alone.
     */
    @Nullable String authorizationFor(URI uri) {
        return select(uri).get(0) == Proxy.NO_PROXY ? null : authorization;
    }

    private static @Nullable String basic(@Nullable String user, @Nullable String password) {
        if (user == null || user.isEmpty()) {
            return null;
        }
        String pair = user + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The SDK's rule: a host matching one of the non-proxy patterns (regular expressions) goes direct. */
    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost();
        if (host != null && nonProxyHosts.stream().anyMatch(host.toLowerCase(Locale.ROOT)::matches)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // One proxy and no other to try: the request fails with the failure, as the SDK's does.
    }
}
