package dev.syncshift.migrator.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The SDK's Apache HTTP clients of a process: one per way out ({@link ProxyEnvironment}: a proxy, or none), shared by
 * every SDK client whose endpoint takes that way, each client with its own pool of connections.
 */
public final class HttpClients implements AutoCloseable {

    private final ProxyEnvironment proxies;
    private final int maxConnections;
    private final Map<Optional<ProxyEnvironment.Proxy>, SdkHttpClient> byWayOut = new ConcurrentHashMap<>();

    /**
     * @param proxies which proxy carries the calls to an endpoint
     * @param maxConnections connections each client may hold open at once
     */
    public HttpClients(ProxyEnvironment proxies, int maxConnections) {
        this.proxies = proxies;
        this.maxConnections = maxConnections;
    }

    /** The proxies these clients go through. */
    public ProxyEnvironment proxies() {
        return proxies;
    }

    /** The client for calls to {@code endpoint} (null: AWS's own). */
    public SdkHttpClient forEndpoint(@Nullable URI endpoint) {
        return byWayOut.computeIfAbsent(Optional.ofNullable(proxies.proxyFor(endpoint)),
                wayOut -> ApacheHttpClient.builder().maxConnections(maxConnections)
                        .proxyConfiguration(proxies.apacheSettings(endpoint)).build());
    }

    @Override
    public void close() {
        byWayOut.values().forEach(SdkHttpClient::close);
        byWayOut.clear();
    }
}
