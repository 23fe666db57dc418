package dev.syncshift.migrator.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.apache.ProxyConfiguration;

/**
 * The HTTP proxy each AWS call goes through, named in the environment as the AWS CLI takes it: for an https endpoint
 * (AWS's own) {@code https_proxy}, else {@code HTTPS_PROXY}, else the http endpoints' variable, {@code http_proxy},
 * else {@code HTTP_PROXY} (the one the AWS SDK for Java reads, for https endpoints too, so a setup that names only it
 * keeps working); hosts {@code no_proxy} (else {@code NO_PROXY}) names go direct. Lower-case names win, as in the AWS
 * CLI. Where the JVM runs with the {@code http.proxyHost} system property, the SDK's own rule holds instead: the
 * {@code http.proxy*} properties name the proxy of every call, {@code http.nonProxyHosts} its exceptions.
 *
 * <p>A variable's value is {@code [http://|https://][user[:password]@]host[:port]} (the scheme is the one spoken to
 * the proxy; without one, http; the port defaults to the scheme's), the user and password percent-encoded where they
 * hold {@code @}, {@code :} or {@code %}. A value that is not one is refused, naming the variable, before any call:
 * the SDK alone would log a stack trace and go direct. {@code no_proxy} is a comma-separated list of hosts, each
 * also covering its subdomains ({@code example.com} and {@code .example.com} alike), or {@code *} for every host;
 * address ranges are not understood.
 */
public final class ProxyEnvironment {

    /**
     * The system property that, set to {@code true}, sends every call direct whatever the environment names: the
     * {@code demo}'s, whose commands call its own emulators on this machine.
     */
    public static final String DIRECT = "syncshift.direct";

    private static final String HTTPS = "https";
    private static final int MAX_PORT = 65_535;
    private static final List<String> FOR_HTTP = List.of("http_proxy", "HTTP_PROXY");
    private static final List<String> FOR_HTTPS = List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY");
    private static final List<String> NO_PROXY = List.of("no_proxy", "NO_PROXY");

    private final @Nullable Proxy http;
    private final @Nullable Proxy https;
    private final List<Pattern> directHosts;
    private final boolean javaProperties;

    private ProxyEnvironment(@Nullable Proxy http, @Nullable Proxy https, List<Pattern> directHosts,
            boolean javaProperties) {
        this.http = http;
        this.https = https;
        this.directHosts = directHosts;
        this.javaProperties = javaProperties;
    }

    /**
     * A proxy as a variable names it.
     *
     * @param variable the variable's name, as set ({@code https_proxy})
     * @param address the proxy's scheme, host and port
     * @param user its user, or null when it asks for none
     * @param password the user's password, or null
     */
    public record Proxy(String variable, URI address, @Nullable String user, @Nullable String password) {

        /** The proxy for a person: its host and port and the variable that named it, never the password. */
        public String named() {
            return address.getAuthority() + " (" + variable + ")";
        }

        @Override
        public String toString() {
            return named();
        }
    }

    /** The proxies this process's environment and system properties name. */
    public static ProxyEnvironment ofProcess() {
        return of(System.getenv(), System.getProperties());
    }

    /**
     * The proxies {@code environment} names, unless {@code properties} hold {@code http.proxyHost}, or none when they
     * say {@link #DIRECT}.
     *
     * @throws NotAProxy naming the variable whose value is not a proxy
     */
    public static ProxyEnvironment of(Map<String, String> environment, Properties properties) {
        if (Boolean.parseBoolean(properties.getProperty(DIRECT))) {
            return new ProxyEnvironment(null, null, List.of(), false);
        }
        Proxy http = proxy(environment, FOR_HTTP);
        Proxy https = proxy(environment, FOR_HTTPS);
        Map.Entry<String, String> noProxy = first(environment, NO_PROXY);
        List<Pattern> direct = noProxy == null ? List.of() : directHosts(noProxy.getValue());
        String javaHost = properties.getProperty("http.proxyHost");
        return new ProxyEnvironment(http, https, direct, javaHost != null && !javaHost.isBlank());
    }

    /**
     * The proxy that carries the calls to {@code endpoint} (null: AWS's own, which are https), or null when they go
     * direct or the {@code http.proxy*} system properties choose.
     */
    public @Nullable Proxy proxyFor(@Nullable URI endpoint) {
        if (javaProperties) {
            return null;
        }
        Proxy proxy = endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme()) ? http : https;
        String host = endpoint == null ? null : endpoint.getHost();
        if (proxy == null || host != null && direct(host)) {
            return null;
        }
        return proxy;
    }

    /**
     * The Apache client's proxy settings for calls to {@code endpoint}: these rules, none of the SDK's own. A client
     * built with them serves only endpoints {@link #proxyFor} sends the same way, so {@code no_proxy} is applied there
     * and nowhere else.
     */
    public ProxyConfiguration apacheSettings(@Nullable URI endpoint) {
        if (javaProperties) {
            return ProxyConfiguration.builder().useEnvironmentVariableValues(false).build();
        }
        Proxy proxy = proxyFor(endpoint);
        ProxyConfiguration.Builder settings = ProxyConfiguration.builder().useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false);
        if (proxy != null) {
            settings.endpoint(proxy.address()).username(proxy.user()).password(proxy.password());
        }
        return settings.build();
    }

    /** Whether {@code no_proxy} sends calls to {@code host} direct. */
    boolean direct(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        return directHosts.stream().anyMatch(pattern -> pattern.matcher(name).matches()
                || pattern.matcher(bare).matches());
    }

    private static @Nullable Proxy proxy(Map<String, String> environment, List<String> names) {
        Map.Entry<String, String> variable = first(environment, names);
        return variable == null ? null : parse(variable.getKey(), variable.getValue().trim());
    }

    /** The first of {@code names} set to something other than blanks, with its value. */
    private static Map.@Nullable Entry<String, String> first(Map<String, String> environment, List<String> names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Map.entry(name, value);
            }
        }
        return null;
    }

    private static Proxy parse(String variable, String value) {
        String written = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(written);
        } catch (URISyntaxException e) {
            throw notAProxy(variable, value);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals(HTTPS)) {
            throw new NotAProxy(variable + " names a " + scheme + " proxy; only http and https "
                    + "proxies are supported");
        }
        String path = uri.getRawPath();
        if (uri.getHost() == null || uri.getPort() > MAX_PORT || uri.getRawQuery() != null
                || uri.getRawFragment() != null || path != null && !path.isEmpty() && !path.equals("/")) {
            throw notAProxy(variable, value);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals(HTTPS) ? 443 : 80;
        String user = null;
        String password = null;
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            password = colon < 0 ? null : userInfo.substring(colon + 1);
        }
        return new Proxy(variable, URI.create(scheme + "://" + hostForUri(uri.getHost()) + ":" + port),
                user == null || user.isEmpty() ? null : user, password);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static NotAProxy notAProxy(String variable, String value) {
        String shown = value.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)?[^/@]*@", "$1…@"); // never the password
        return new NotAProxy(variable + " '" + shown + "' is not a proxy such as "
                + "http://host:port or http://user:password@host:port");
    }

    /** A proxy variable whose value is not a proxy, or not one the migrator can use. */
    public static final class NotAProxy extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String problem;

        NotAProxy(String problem) {
            super(problem);
            this.problem = problem;
        }

        /** The problem, in one line that names the variable. */
        public String problem() {
            return problem;
        }
    }

    /** {@code no_proxy}'s hosts, as patterns of a lower-case host name. */
    private static List<Pattern> directHosts(String noProxy) {
        Set<String> patterns = new LinkedHashSet<>();
        for (String entry : noProxy.split(",")) {
            String host = entry.trim().toLowerCase(Locale.ROOT);
            if (host.equals("*")) {
                patterns.add(".*");
                continue;
            }
            host = host.startsWith("*.") ? host.substring(2) : host.startsWith(".") ? host.substring(1) : host;
            host = host.startsWith("[") && host.contains("]") ? host.substring(1, host.indexOf(']'))
                    : host.chars().filter(c -> c == ':').count() == 1 ? host.substring(0, host.indexOf(':')) : host;
            if (!host.isEmpty()) {
                patterns.add("(?:.*\\.)?" + Pattern.quote(host));
            }
        }
        return patterns.stream().map(Pattern::compile).toList();
    }
}
