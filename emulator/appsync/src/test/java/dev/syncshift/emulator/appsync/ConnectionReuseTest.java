package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A refused request leaves its keep-alive connection usable, as AppSync's does: the emulator reads the body of a
 * request it refuses before answering, so the next request on the same connection is answered (a client that pools
 * connections would otherwise send it to a socket the server is closing, and fail without an answer). Plain sockets,
 * so that "the same connection" is certain.
 */
class ConnectionReuseTest {

    static AppSyncEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = AppSyncEmulator.start(TestApi.CONFIG);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0} {1} with a body of {2} bytes")
    @CsvSource({
        "POST, /nowhere, 300000, 404",
        "PUT, /graphql, 300000, 404",
        "POST, /v1/apis/unknown/schema, 300000, 404",
        "POST, /graphql, 300000, 401",
        "POST, /v1/dataplane-evaluatecode, 300000, 401",
    })
    void theNextRequestOnTheSameConnectionIsAnswered(String method, String path, int bodyBytes, int status)
            throws IOException {
        URI endpoint = emulator.endpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(20_000);
            String refused = send(socket, method, path, "{\"query\":\"" + "x".repeat(bodyBytes) + "\"}");
            assertThat(statusOf(refused)).as(refused).isEqualTo(status);
            assertThat(refused.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");

            String next = send(socket, "POST", "/nowhere", "{}");
            assertThat(statusOf(next)).as(next).isEqualTo(404);
        }
    }

    /** Sends one HTTP/1.1 request and reads its whole answer (head and a Content-Length body). */
    private static String send(Socket socket, String method, String path, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            assertThat(b).as("an answer before the connection ends, after: %s", head).isNotNegative();
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int statusOf(String answer) {
        return Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
    }
}
