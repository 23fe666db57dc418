package dev.syncshift.emulator.appsync;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 written by hand on a plain socket, for requests no HTTP client would send (bad escapes, raw bytes). */
final class RawRequest {

    private RawRequest() {
    }

    /**
     * Sends {@code request} (request line, headers, blank line and body, ending the connection with
     * {@code Connection: close}) to {@code endpoint}'s host and port, and reads the whole answer.
     */
    static String send(URI endpoint, String request) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
