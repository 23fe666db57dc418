package dev.syncshift.emulator.cognitosync.junit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A forward HTTP proxy on loopback, noting each request it is given as {@code METHOD target}: a request in absolute
 * form goes to its host with its bytes as they came, but for the request line and a {@code Connection: close}
 * (so a connection carries one request, and the next one is noted); {@code CONNECT} opens a tunnel, which the JDK's
 * WebSocket asks for. Hand-made because Jetty's forward proxy rewrites what it forwards ({@code charset=UTF-8}
 * becomes {@code charset=utf-8} in the signed {@code content-type}), which breaks a SigV4 signature, where a real
 * proxy of AWS's https traffic only tunnels it. Made with a user and password, it answers a request without them
 * with 407 and {@code Proxy-Authenticate: Basic}, and does not note it. For tests of clients behind a proxy (the
 * compat client's devices, the migrator); its threads end when it closes.
 */
public final class ForwardProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    /** The header a request must have (the name in any case: the AWS SDK writes it in lower case); null: none. */
    private final @Nullable String authorization;
    private final Predicate<String> asksFor;

    /** A proxy that asks for no credentials. */
    public ForwardProxy() throws IOException {
        this(null);
    }

    /** A proxy that asks for {@code userAndPassword} ({@code user:password}), or for nothing when it is null. */
    public ForwardProxy(@Nullable String userAndPassword) throws IOException {
        this(userAndPassword, target -> true);
    }

    /**
     * A proxy that asks for {@code userAndPassword} for the requests whose target (the request line's second word:
     * an absolute URI, or a CONNECT's {@code host:port}) {@code asksFor} accepts.
     */
    public ForwardProxy(@Nullable String userAndPassword, Predicate<String> asksFor) throws IOException {
        authorization = userAndPassword == null ? null : "Proxy-Authorization: Basic " + Base64.getEncoder()
                .encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
        this.asksFor = asksFor;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    daemon(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** Where the proxy listens: {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The requests given so far, oldest first. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serve(Socket client) {
        try {
            String[] head = readHead(client.getInputStream()).split("\r\n");
            String[] line = head[0].split(" ");
            if (authorization != null && asksFor.test(line[1])
                    && Arrays.stream(head).noneMatch(authorization::equalsIgnoreCase)) {
                client.getOutputStream().write(ascii("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"proxy\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n"));
                closeQuietly(client);
                return;
            }
            seen.add(line[0] + " " + line[1]);
            Socket upstream;
            if (line[0].equals("CONNECT")) {
                URI authority = URI.create("tcp://" + line[1]);
                upstream = new Socket(authority.getHost(), authority.getPort());
                client.getOutputStream().write(ascii("HTTP/1.1 200 Connection established\r\n\r\n"));
            } else {
                URI target = URI.create(line[1]);
                upstream = new Socket(target.getHost(), target.getPort());
                String headers = List.of(head).subList(1, head.length).stream()
                        .filter(header -> !header.toLowerCase(Locale.ROOT).startsWith("connection:"))
                        .collect(Collectors.joining("\r\n", "", "\r\nConnection: close\r\n\r\n"));
                String path = target.getRawQuery() == null ? target.getRawPath()
                        : target.getRawPath() + "?" + target.getRawQuery();
                upstream.getOutputStream().write(ascii(line[0] + " " + path + " " + line[2] + "\r\n" + headers));
            }
            daemon(() -> relay(client, upstream));
            relay(upstream, client);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    /** The request line and headers, read to the blank line and not a byte further. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the request's head");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).stripTrailing();
    }

    /** Copies {@code from} to {@code to} until {@code from} ends, then closes both. */
    private static void relay(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed: the other is closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "forward-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
