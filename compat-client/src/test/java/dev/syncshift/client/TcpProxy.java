package dev.syncshift.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A loopback TCP relay in front of an emulator, for what the emulators cannot do themselves: it adds latency to
 * every request (a request is the first bytes a client sends after the server last answered), counts requests
 * (round trips), drops a seeded share of requests by closing the connection, cuts every open connection on
 * demand (a broken WebSocket), runs a hook before each request (a rival's write at a chosen request), and can leave
 * a connection half-open: the server's answer to the WebSocket handshake
 * reaches the client, nothing after it does. Test code only; its threads end when it closes.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final URI target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> muted = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger toMute = new AtomicInteger();
    private final Random random;
    private volatile Duration latency;
    private volatile double dropRate;
    private volatile Consumer<String> beforeRequest = head -> { };

    private TcpProxy(URI target, Duration latency, long seed) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.latency = latency;
        this.random = new Random(seed);
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TcpProxy start(URI target, Duration latency) {
        try {
            return new TcpProxy(target, latency, 7);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The proxy's address with {@code target}'s scheme and path. */
    URI uri(URI original) {
        return URI.create(original.getScheme() + "://127.0.0.1:" + server.getLocalPort() + original.getRawPath());
    }

    long requests() {
        return requests.get();
    }

    int dropped() {
        return dropped.get();
    }

    /** Waits until {@code count} requests have been dropped in all; false when {@code timeout} passes first. */
    boolean awaitDropped(int count, Duration timeout) throws InterruptedException {
        return await(dropped, () -> dropped.get() >= count, timeout);
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Waits until {@code count} connections have been accepted in all; false when {@code timeout} passes first. */
    boolean awaitConnections(int count, Duration timeout) throws InterruptedException {
        return await(connections, () -> connections.get() >= count, timeout);
    }

    /** Connections open now (a connection is two sockets: the client's and the one to the target). */
    int open() {
        return open.size() / 2;
    }

    /** Waits until no connection is open; false when {@code timeout} passes first. */
    boolean awaitNoneOpen(Duration timeout) throws InterruptedException {
        return await(open, open::isEmpty, timeout);
    }

    /** Waits on {@code monitor}, notified at each change, until {@code done}; false when {@code timeout} passes. */
    private static boolean await(Object monitor, BooleanSupplier done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!done.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }

    /**
     * The next {@code count} connections pass the server's bytes only up to the end of its first HTTP response's
     * headers (the WebSocket handshake's answer), and swallow the rest: the client is connected and hears nothing.
     */
    void muteAfterHandshake(int count) {
        toMute.set(count);
    }

    /**
     * From now on the connections open now pass nothing from the server to the client, and stay open: the client's
     * side of a connection a network change left half-open. Connections made later are not affected.
     */
    void muteOpen() {
        muted.addAll(open);
    }

    /**
     * Runs {@code hook} on the thread of each request's connection before the request is passed on, with the request's
     * first bytes read (its request line and headers, as a rule) as ISO-8859-1 text.
     */
    void beforeRequest(Consumer<String> hook) {
        this.beforeRequest = hook;
    }

    void dropRate(double rate) {
        this.dropRate = rate;
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    /** Closes every open connection, as a network failure would. */
    void cutAll() {
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getHost(), target.getPort());
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                synchronized (open) {
                    open.add(client);
                    open.add(upstream);
                }
                synchronized (connections) {
                    connections.incrementAndGet();
                    connections.notifyAll();
                }
                boolean mute = toMute.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                AtomicInteger turn = new AtomicInteger(1);
                pump(client, upstream, turn, true, false);
                pump(upstream, client, turn, false, mute);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Relays one direction; {@code turn} is 1 when the next client bytes start a request. A {@code mute} pump
     * passes bytes only up to the first blank line (the end of the response headers).
     */
    private void pump(Socket from, Socket to, AtomicInteger turn, boolean clientToServer, boolean mute) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            HeaderEnd headerEnd = new HeaderEnd();
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (clientToServer && turn.compareAndSet(1, 0)
                            && !startRequest(from, to, new String(buffer, 0, n, StandardCharsets.ISO_8859_1))) {
                        return;
                    }
                    if (!clientToServer) {
                        turn.set(1);
                    }
                    if (!clientToServer && muted.contains(from)) {
                        continue;
                    }
                    out.write(buffer, 0, mute ? headerEnd.passing(buffer, n) : n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed, or the connection was cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                synchronized (open) {
                    open.remove(from);
                    open.remove(to);
                    open.notifyAll();
                }
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Finds the end of the first HTTP headers ({@code \r\n\r\n}) in a stream read in pieces. */
    private static final class HeaderEnd {
        private int matched;
        private boolean passed;

        /** How many of the {@code n} bytes come before the headers' end (all, until it is found; then none). */
        int passing(byte[] bytes, int n) {
            if (passed) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                matched = bytes[i] == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (bytes[i] == '\r' ? 1 : 0);
                if (matched == 4) {
                    passed = true;
                    return i + 1;
                }
            }
            return n;
        }
    }

    private boolean startRequest(Socket client, Socket upstream, String head) throws IOException {
        requests.incrementAndGet();
        beforeRequest.accept(head);
        boolean drop;
        synchronized (random) {
            drop = dropRate > 0 && random.nextDouble() < dropRate;
        }
        if (drop) {
            synchronized (dropped) {
                dropped.incrementAndGet();
                dropped.notifyAll();
            }
            closeQuietly(client);
            closeQuietly(upstream);
            return false;
        }
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return true;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        cutAll();
    }
}
