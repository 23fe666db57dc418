package dev.syncshift.emulator.cognitosync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library would send (bad escapes, raw non-ASCII,
 * backslashes): one request per connection, the whole response read back; or two on one keep-alive connection.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A response: status, headers by lower-case name, body text. */
    record Response(int status, Map<String, String> headers, String body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
    static Response send(URI endpoint, String head, byte[] body) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends two requests on one keep-alive connection and returns both responses; the second is null when the
     * server ended the connection after the first.
     */
    static Response[] sendTwice(URI endpoint, String firstHead, byte[] firstBody, String secondHead) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((firstHead + "\r\nContent-Length: " + firstBody.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(firstBody);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the connection ended before an answer: " + head);
                }
                head.write(b);
            }
            Response first = parse(head.toString(StandardCharsets.UTF_8));
            byte[] body = in.readNBytes(Integer.parseInt(first.header("Content-Length").orElse("0")));
            first = new Response(first.status(), first.headers(), new String(body, StandardCharsets.UTF_8));
            try {
                out.write((secondHead + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                String second = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Response[] {first, second.isEmpty() ? null : parse(second)};
            } catch (SocketException e) {
                return new Response[] {first, null};
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        return new Response(status, headers, end < 0 ? "" : text.substring(end + 4));
    }
}
