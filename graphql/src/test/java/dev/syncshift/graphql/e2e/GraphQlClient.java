package dev.syncshift.graphql.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A data-plane client as a Java app would write one (appsync.md §6): JSON POSTs to {@code /graphql}, signed with the
 * SDK v2 {@link AwsV4HttpSigner} for service {@code appsync}. Thread-safe.
 */
final class GraphQlClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** An HTTP answer: status and parsed body. */
    record Answer(int status, JsonNode body) {

        JsonNode data(String field) {
            return body.path("data").path(field);
        }

        JsonNode error() {
            return body.path("errors").path(0);
        }

        boolean ok() {
            return status == 200 && body.path("errors").isMissingNode();
        }
    }

    GraphQlClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    Answer post(Caller caller, String query, Map<String, ?> variables) {
        String body = body(query, variables);
        return send(signedHeaders(caller.credentials(), endpoint, body), body);
    }

    Answer postUnsigned(String query, Map<String, ?> variables) {
        return send(Map.of("content-type", "application/json"), body(query, variables));
    }

    /** Posts a body that differs from the one that was signed. */
    Answer postTampered(Caller caller, String signedQuery, String sentQuery) {
        String sent = body(sentQuery, Map.of());
        return send(signedHeaders(caller.credentials(), endpoint, body(signedQuery, Map.of())), sent);
    }

    static String body(String query, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SigV4 headers of a POST of {@code body} to {@code uri}, {@code host} included. */
    Map<String, String> signedHeaders(AwsCredentialsIdentity credentials, URI uri, String body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("content-type", "application/json; charset=UTF-8")
                .putHeader("accept", "application/json, text/javascript")
                .build();
        SdkHttpRequest signed = signer.sign(r -> r.identity(credentials).request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "appsync")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    private Answer send(Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host")) {
                request.header(name, value);
            }
        });
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
}
