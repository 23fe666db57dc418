package dev.syncshift.migrator.job.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback TCP relay in front of an emulator whose latency the test changes while a run goes on: each request (the
 * first bytes a client sends after the last answer) waits the latency before it is passed on, or, held, until the
 * latency is lowered. Lowering it lets the requests already waiting go at once, so a run kept busy while a test needs
 * it so ends quickly after. Test code only; its threads end when it closes.
 */
final class LatencyRelay implements AutoCloseable {

    private final ServerSocket server;
    private final URI target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object latencyChanged = new Object();
    private volatile long latencyMs;

    private LatencyRelay(URI target, long latencyMs) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.latencyMs = latencyMs;
        daemon("latency-relay-" + server.getLocalPort(), this::accept);
    }

    /** A relay to {@code target} adding {@code latencyMs} to each request. */
    static LatencyRelay start(URI target, long latencyMs) throws IOException {
        return new LatencyRelay(target, latencyMs);
    }

    /** The relay's address, for a client's endpoint. */
    URI endpoint() {
        return URI.create(target.getScheme() + "://127.0.0.1:" + server.getLocalPort());
    }

    /** Holds every request, those waiting now included, until {@link #latencyMs} lowers the latency. */
    void hold() {
        latencyMs(Long.MAX_VALUE);
    }

    /** From now on each request waits {@code ms}; requests waiting now wait no longer than that since they came. */
    void latencyMs(long ms) {
        synchronized (latencyChanged) {
            latencyMs = ms;
            latencyChanged.notifyAll();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getHost(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                AtomicBoolean answered = new AtomicBoolean(true);
                daemon("latency-relay-up", () -> relay(client, upstream, answered, true));
                daemon("latency-relay-down", () -> relay(upstream, client, answered, false));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Passes bytes one way; {@code answered} says the next bytes from the client start a request. */
    private void relay(Socket from, Socket to, AtomicBoolean answered, boolean request) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (request && answered.getAndSet(false)) {
                    awaitLatency(System.nanoTime());
                } else if (!request) {
                    answered.set(true);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // a side closed, or the relay did
        } finally {
            close(from);
            close(to);
        }
    }

    private void awaitLatency(long came) throws InterruptedException {
        synchronized (latencyChanged) {
            for (long left = latencyMs - (System.nanoTime() - came) / 1_000_000; left > 0;
                    left = latencyMs - (System.nanoTime() - came) / 1_000_000) {
                latencyChanged.wait(left);
            }
        }
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Set.copyOf(sockets).forEach(this::close);
    }
}
