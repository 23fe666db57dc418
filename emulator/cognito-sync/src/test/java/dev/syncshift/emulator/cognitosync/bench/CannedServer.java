package dev.syncshift.emulator.cognitosync.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The benchmark's baseline: a bare Jetty with the emulator's connector settings that answers every GET with
 * one fixed ListRecords body and every POST with one fixed UpdateRecords body, without reading the request. What the
 * SDK, HTTP and Jetty cost with no emulator logic at all.
 */
final class CannedServer implements AutoCloseable {

    private final Server server;
    private final URI endpoint;

    CannedServer(byte[] listRecords, byte[] updateRecords) throws Exception {
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.LEGACY);
        http.setSendServerVersion(false);
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                byte[] body = "GET".equals(request.getMethod()) ? listRecords : updateRecords;
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "application/json");
                response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
