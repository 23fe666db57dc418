package dev.syncshift.emulator.appsync.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A GraphQL client for an AppSync endpoint (the emulator's or a deployed API's) as an app would write one: JSON
 * {@code POST}s signed with the AWS SDK's public {@link AwsV4HttpSigner} for signing name {@code appsync}, with
 * long-term credentials or temporary ones (an {@code AwsSessionCredentialsIdentity} adds its session token as
 * {@code x-amz-security-token}, as Cognito Identity's credentials need). For tests: it also sends unsigned, tampered
 * and back-dated requests. Thread-safe.
 */
public final class SignedGraphQlClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String region;
    private final String signingName;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * An HTTP answer.
     *
     * @param status the HTTP status
     * @param body the parsed JSON body
     */
    public record Answer(int status, JsonNode body) {

        /**
         * A field of {@code data}.
         *
         * @param field the field's name (or alias)
         * @return its value, a missing node when absent
         */
        public JsonNode data(String field) {
            return body.path("data").path(field);
        }

        /**
         * The first error.
         *
         * @return {@code errors[0]}, a missing node when there is none
         */
        public JsonNode error() {
            return body.path("errors").path(0);
        }

        /**
         * Whether the request succeeded without a single error.
         *
         * @return status 200 and no {@code errors}
         */
        public boolean ok() {
            return status == 200 && body.path("errors").isMissingNode();
        }
    }

    /**
     * A client for an endpoint in {@code us-east-1}.
     *
     * @param endpoint the GraphQL endpoint, e.g. {@code AppSyncEmulator.endpoint()}
     */
    public SignedGraphQlClient(URI endpoint) {
        this(endpoint, "us-east-1");
    }

    /**
     * A client for an endpoint in a region.
     *
     * @param endpoint the GraphQL endpoint
     * @param region the region signatures are scoped to
     */
    public SignedGraphQlClient(URI endpoint, String region) {
        this(endpoint, region, "appsync");
    }

    /**
     * A client that signs for another signing name, to see such signatures refused.
     *
     * @param endpoint the GraphQL endpoint
     * @param region the region signatures are scoped to
     * @param signingName the service signatures are scoped to, e.g. {@code cognito-sync}
     */
    public SignedGraphQlClient(URI endpoint, String region, String signingName) {
        this.endpoint = endpoint;
        this.region = region;
        this.signingName = signingName;
    }

    /**
     * Sends a signed request.
     *
     * @param credentials who signs
     * @param query the GraphQL document
     * @param variables its variables
     * @return the answer
     * @throws UncheckedIOException when the endpoint cannot be reached
     */
    public Answer post(AwsCredentialsIdentity credentials, String query, Map<String, ?> variables) {
        return postSignedAt(credentials, query, variables, Clock.systemUTC());
    }

    /**
     * Sends a request signed at the time {@code clock} gives, e.g. too long ago.
     *
     * @param credentials who signs
     * @param query the GraphQL document
     * @param variables its variables
     * @param clock the signing time
     * @return the answer
     */
    public Answer postSignedAt(AwsCredentialsIdentity credentials, String query, Map<String, ?> variables,
            Clock clock) {
        String body = body(query, variables);
        return send(signedHeaders(credentials, endpoint, body, clock), body);
    }

    /**
     * Signs and sends a body as it is, JSON or not.
     *
     * @param credentials who signs
     * @param body the raw body
     * @return the answer
     */
    public Answer postBody(AwsCredentialsIdentity credentials, String body) {
        return send(signedHeaders(credentials, endpoint, body, Clock.systemUTC()), body);
    }

    /**
     * Sends {@code sentBody} with the signature of {@code signedBody}.
     *
     * @param credentials who signs
     * @param signedBody the body the signature covers
     * @param sentBody the body sent
     * @return the answer
     */
    public Answer postTampered(AwsCredentialsIdentity credentials, String signedBody, String sentBody) {
        return send(signedHeaders(credentials, endpoint, signedBody, Clock.systemUTC()), sentBody);
    }

    /**
     * Sends an unsigned request.
     *
     * @param query the GraphQL document
     * @param variables its variables
     * @return the answer
     */
    public Answer postUnsigned(String query, Map<String, ?> variables) {
        return send(Map.of("content-type", "application/json"), body(query, variables));
    }

    /**
     * The JSON body of a request: {@code {"query": …, "variables": …}}.
     *
     * @param query the GraphQL document
     * @param variables its variables
     * @return the JSON text
     */
    public static String body(String query, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return json(body);
    }

    /**
     * The SigV4 headers (signing name {@code appsync} unless told otherwise) of a {@code POST} of {@code body} to
     * {@code uri} with {@code content-type: application/json; charset=UTF-8}, {@code host} included: what the
     * real-time protocol sends as authorization.
     *
     * @param credentials who signs
     * @param uri the URI signed for
     * @param body the body signed
     * @param clock the signing time
     * @return header names and values
     */
    public Map<String, String> signedHeaders(AwsCredentialsIdentity credentials, URI uri, String body, Clock clock) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("content-type", "application/json; charset=UTF-8")
                .putHeader("accept", "application/json, text/javascript")
                .build();
        SdkHttpRequest signed = signer.sign(r -> r.identity(credentials).request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + value, e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the server answered something other than JSON: " + text, e);
        }
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
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + endpoint, e);
        }
    }
}
