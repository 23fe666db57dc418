package dev.syncshift.client.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The HTTP proxy the AWS SDK's settings name, for every call of a device: the Cognito clients' and the AppSync
 * remote's requests (all through {@link #sdkHttpClient}) and the AppSync remote's WebSocket, so that a flag flip does
 * not change the way out. The SDK's URLConnection client takes its proxy from the {@code http.proxyHost} family of
 * system properties, or else from the {@code http_proxy} (else {@code HTTP_PROXY}) and {@code no_proxy} (else
 * {@code NO_PROXY}) environment variables, for https endpoints too; without either it leaves the choice to the JDK's
 * default proxy selector (the {@code https.proxyHost} family, {@code java.net.useSystemProxies}). The JDK's
 * HTTP client, whose WebSocket the real-time connection uses, knows only the default selector: without this class a
 * proxy named by {@code HTTP_PROXY} or {@code http.proxyHost} alone carried the requests and not the WebSocket.
 *
 * <p>The proxy's user and password, where the SDK has them ({@code http://user:password@host:port} in
 * {@code HTTP_PROXY}, or {@code http.proxyUser} and {@code http.proxyPassword}), go to the proxy alone, never to a
 * request that goes direct. The WebSocket's handshake carries them as a {@code Proxy-Authorization: Basic} header
 * added after signing ({@link #authorizationFor}); not through an {@code Authenticator}, with which the JDK's HTTP
 * client leaves out every {@code Authorization} header the caller set, the SigV4 signature among them. The requests'
 * connections ({@link #sdkHttpClient}) answer the proxy's 407 through an {@code Authenticator} of their own, which is
 * what a tunnel needs: the SDK's own connections set the header, which {@code HttpURLConnection} does not send on a
 * {@code CONNECT}. Through a tunnel (https, and every WebSocket) the JDK sends a Basic user and password only when the
 * JVM runs with {@code -Djdk.http.auth.tunneling.disabledSchemes=""}; otherwise the proxy's 407 is named.
 */
public final class SdkProxy extends ProxySelector {

    /** The header that carries the proxy's user and password. */
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";

    /** The SDK's defaults: 2 s to connect, 30 s to wait for a read. */
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 30_000;
    private static final int MAX_PORT = 65_535;

    private final Proxy proxy;
    private final Set<String> nonProxyHosts;
    private final @Nullable String user;
    private final @Nullable String password;
    private final @Nullable String authorization;

    private SdkProxy(Proxy proxy, Set<String> nonProxyHosts, @Nullable String user, @Nullable String password) {
        this.proxy = proxy;
        this.nonProxyHosts = nonProxyHosts;
        this.user = user == null || user.isEmpty() ? null : user;
        this.password = password;
        this.authorization = basic(this.user, password);
    }

    /**
     * Checks the proxy variables as the SDK will read them: {@code http_proxy}, else {@code HTTP_PROXY}, unless the
     * {@code http.proxyHost} system property names the proxy. A value the SDK cannot read as a URL it passes over,
     * logging a stack trace, and every call then goes direct: here it is refused, naming the variable.
     *
     * @return what to warn of, if anything: {@code HTTPS_PROXY} (or {@code https_proxy}) set with neither of the
     *     variables the SDK reads, so that calls go direct where the environment meant them to take a proxy; or an
     *     {@code https://} proxy URL, which the SDK reaches in plain HTTP
     * @throws IllegalArgumentException naming the variable whose value is not a proxy URL
     */
    public static Optional<String> checkEnvironment(Map<String, String> environment, Properties properties) {
        String javaHost = properties.getProperty("http.proxyHost");
        if (javaHost != null && !javaHost.isBlank()) {
            return Optional.empty();
        }
        Optional<Map.Entry<String, String>> read = Stream.of("http_proxy", "HTTP_PROXY")
                .filter(name -> set(environment, name)).map(name -> Map.entry(name, environment.getOrDefault(name, "")))
                .findFirst();
        if (read.isEmpty()) {
            return Stream.of("https_proxy", "HTTPS_PROXY").filter(name -> set(environment, name)).findFirst()
                    .map(name -> name + " is set, which the AWS SDK for Java does not read: every call goes direct;"
                            + " name the proxy in HTTP_PROXY, which the SDK takes for https endpoints too");
        }
        String name = read.get().getKey();
        String value = read.get().getValue().strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null
                || uri.getPort() > MAX_PORT) {
            String shown = value.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)?[^/@]*@", "$1…@"); // never the password
            throw new IllegalArgumentException(name + " '" + shown + "' is not a proxy URL such as http://host:port or "
                    + "http://user:password@host:port");
        }
        if (uri.getScheme().equalsIgnoreCase("https")) {
            return Optional.of(name + " names an https:// proxy, which the AWS SDK for Java and the JDK reach in plain "
                    + "HTTP all the same (neither speaks TLS to a proxy): if the proxy at " + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + " takes only TLS, every call fails; "
                    + "name a port where it takes plain HTTP, as http://host:port");
        }
        return Optional.empty();
    }

    private static boolean set(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    /** The SDK's proxy, or null when it has none. */
    public static @Nullable SdkProxy fromSdk() {
        ProxyConfiguration sdk = ProxyConfiguration.builder().build();
        String host = sdk.host();
        if (host == null) {
            return null;
        }
        // A proxy named without a port has port -1 (HTTP_PROXY) or 0 (http.proxyHost) in the SDK, whose calls then
        // fail, the credentials' first: connecting to port 0 fails here too, where -1 would throw at once.
        InetSocketAddress address = InetSocketAddress.createUnresolved(host, Math.max(sdk.port(), 0));
        return new SdkProxy(new Proxy(Proxy.Type.HTTP, address), sdk.nonProxyHosts(), sdk.username(),
                sdk.password());
    }

    /** The proxy at {@code address}, passed over for hosts matching {@code nonProxyHosts}, with its user, if any. */
    public static SdkProxy of(InetSocketAddress address, Set<String> nonProxyHosts, @Nullable String user,
            @Nullable String password) {
        return new SdkProxy(new Proxy(Proxy.Type.HTTP, address), nonProxyHosts, user, password);
    }

    /** {@link #sdkHttpClient(SdkProxy)} with the SDK's proxy ({@link #fromSdk}). */
    public static SdkHttpClient sdkHttpClient() {
        return sdkHttpClient(fromSdk());
    }

    /**
     * The HTTP client for the SDK's Cognito clients and the AppSync remote's requests: the SDK's URLConnection
     * client, whose connections, when {@code proxy} has a user, answer its 407 (a tunnel's included) with the user
     * and password and with nothing else.
     *
     * @param proxy the SDK's proxy, as {@link #fromSdk} read it; null: none
     */
    public static SdkHttpClient sdkHttpClient(@Nullable SdkProxy proxy) {
        return proxy == null || proxy.authorization == null ? UrlConnectionHttpClient.create()
                : UrlConnectionHttpClient.create(proxy::open);
    }

    /**
     * A connection to {@code uri} as the SDK's own would be (its proxy choice, its default timeouts), which answers
     * the proxy's 407 with the user and password; a plain http request through the proxy also carries them at once,
     * as a request whose body streams cannot be sent again.
     */
    HttpURLConnection open(URI uri) {
        Proxy route = select(uri).get(0);
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection(route);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // as the SDK's own connection factory does
        }
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        if (route != Proxy.NO_PROXY && authorization != null) {
            connection.setAuthenticator(new ProxyUser(Objects.requireNonNull(user), password));
            if ("http".equalsIgnoreCase(uri.getScheme())) {
                connection.setRequestProperty(PROXY_AUTHORIZATION, authorization);
            }
        }
        return connection;
    }

    /** {@code builder} with {@code proxy}, if there is one. */
    public static HttpClient.Builder applyTo(HttpClient.Builder builder, @Nullable SdkProxy proxy) {
        return proxy == null ? builder : builder.proxy(proxy);
    }

    /**
     * The {@code Proxy-Authorization} header's value for a request to {@code uri}: null when the request goes
     * direct or the proxy was given no user, so that the user and password go to the proxy alone.
     */
    public @Nullable String authorizationFor(URI uri) {
        return select(uri).get(0) == Proxy.NO_PROXY ? null : authorization;
    }

    private static @Nullable String basic(@Nullable String user, @Nullable String password) {
        if (user == null) {
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

    /** Answers the proxy, and only the proxy, with its user and password; a server's 401 stays the server's. */
    private static final class ProxyUser extends Authenticator {

        private final String user;
        private final @Nullable String password;

        ProxyUser(String user, @Nullable String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        protected @Nullable PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return new PasswordAuthentication(user, (password == null ? "" : password).toCharArray());
        }
    }
}
