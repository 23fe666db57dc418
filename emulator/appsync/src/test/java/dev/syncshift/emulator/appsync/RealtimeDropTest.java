package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that drops its side of a real-time connection without a close (the JDK client's {@code abort}, which the
 * compat client uses on a connection AppSync refused) is part of a connection's life, not an error of the emulator:
 * its end is a DEBUG line, not Jetty's WARN "Unhandled Error ... ClosedChannelException". The test logger writes the
 * endpoint's DEBUG lines (test {@code simplelogger.properties}), so the test waits for the line of the connection's
 * close, which Jetty calls after the error.
 */
class RealtimeDropTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = TestApi.extension();

    private static final String ENDPOINT = "dev.syncshift.emulator.appsync.wire.RealtimeEndpoint";

    @Test
    void aConnectionTheClientDropsIsNotAnError(AppSyncEmulator emulator) throws InterruptedException {
        try (CapturedErr log = new CapturedErr()) {
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-ws")
                    .buildAsync(emulator.realtimeEndpoint(), new WebSocket.Listener() { }).join();

            ws.abort();

            log.await(" DEBUG " + ENDPOINT + " - realtime connection ", " closed (1006)");
            assertThat(log.text()).doesNotContain("Unhandled Error").doesNotContain(" WARN " + ENDPOINT);
        }
    }

    /** Standard error, where the test logger (slf4j-simple) looks at every line, until closed. */
    private static final class CapturedErr extends ByteArrayOutputStream implements AutoCloseable {
        private final PrintStream original = System.err;

        CapturedErr() {
            System.setErr(new PrintStream(this, true, StandardCharsets.UTF_8));
        }

        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }

        /** Waits (20 s at most) for a line holding both parts. */
        synchronized void await(String start, String end) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (text().lines().noneMatch(line -> line.contains(start) && line.contains(end))) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("a line '%s…%s' in:%n%s", start, end, text()).isPositive();
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            super.write(bytes, offset, length);
            notifyAll();
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            notifyAll();
        }

        @Override
        public void close() {
            System.setErr(original);
        }
    }
}
