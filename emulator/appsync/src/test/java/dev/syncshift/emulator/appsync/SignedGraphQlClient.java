package dev.syncshift.emulator.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Posts GraphQL requests signed with the SDK v2 SigV4 signer (service {@code appsync}), as a client would. */
final class SignedGraphQlClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** A response: status and parsed body. */
    record Answer(int status, JsonNode body) {
    }

    SignedGraphQlClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    Answer post(Caller caller, String query, Map<String, Object> variables) {
        return send(signedHeaders(caller, endpoint, body(query, variables), Clock.systemUTC()),
                body(query, variables));
    }

    Answer postUnsigned(String query) {
        return send(Map.of("content-type", "application/json"), body(query, Map.of()));
    }

    Answer postSignedAt(Caller caller, String query, Clock clock) {
        return send(signedHeaders(caller, endpoint, body(query, Map.of()), clock), body(query, Map.of()));
    }

    Answer postRaw(Caller caller, String rawBody) {
        return send(signedHeaders(caller, endpoint, rawBody, Clock.systemUTC()), rawBody);
    }

    static String body(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SigV4 headers of a POST of {@code body} to {@code uri}, without {@code host} (clients add it). */
    Map<String, String> signedHeaders(Caller caller, URI uri, String body, Clock clock) {
        AwsCredentialsIdentity credentials = caller.credentials();
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("content-type", "application/json; charset=UTF-8")
                .putHeader("accept", "application/json, text/javascript")
                .build();
        SdkHttpRequest signed = signer.sign(r -> r.identity(credentials).request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "appsync")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }

    private Answer send(Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
