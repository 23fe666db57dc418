package dev.syncshift.client.remote.appsync;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;

/**
 * Sends the AppSync remote's requests and WebSocket through the HTTP proxy the AWS SDK's clients use, so that
 * a device reaches AppSync the way it reaches Cognito Identity and Cognito Sync. The SDK's URLConnection client
 * (which the manager gives its Cognito clients) takes its proxy from the {@code http.proxyHost} family of system
 * properties, or else from the {@code HTTP_PROXY} and {@code NO_PROXY} environment variables, for https endpoints
 * too; without either it leaves the choice to the JDK's default proxy selector (the {@code https.proxyHost}
 * family, {@code java.net.useSystemProxies}). The JDK's HTTP client knows only the default selector: without this
 * class a proxy named by {@code HTTP_PROXY} or {@code http.proxyHost} alone carried the Cognito calls and not the
 * AppSync ones, which fail where the proxy is the only way out. The proxy's user and password, if the SDK has them,
 * are not passed on: the JDK client takes them through an {@code Authenticator}, which then also takes over AppSync's
 * own 401 answers and sends a request again without its signature; a proxy that asks gets its 407 named
 * ({@link AppSyncErrors}).
 */
final class SdkProxy extends ProxySelector {

    private final Proxy proxy;
    private final Set<String> nonProxyHosts;

    private SdkProxy(Proxy proxy, Set<String> nonProxyHosts) {
        this.proxy = proxy;
        this.nonProxyHosts = nonProxyHosts;
    }

    /** {@code builder} with the SDK's proxy, if it has one. */
    static HttpClient.Builder applyTo(HttpClient.Builder builder) {
        ProxyConfiguration sdk = ProxyConfiguration.builder().build();
        String host = sdk.host();
        if (host == null) {
            return builder;
        }
        // A proxy named without a port has port -1 (HTTP_PROXY) or 0 (http.proxyHost) in the SDK, whose calls then
        // fail, the credentials' first: connecting to port 0 fails here too, where -1 would throw at once.
        InetSocketAddress address = InetSocketAddress.createUnresolved(host, Math.max(sdk.port(), 0));
        return builder.proxy(new SdkProxy(new Proxy(Proxy.Type.HTTP, address), sdk.nonProxyHosts()));
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
