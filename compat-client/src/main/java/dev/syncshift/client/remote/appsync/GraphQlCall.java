package dev.syncshift.client.remote.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.client.NetworkException;
import dev.syncshift.client.remote.IdentityCredentials;
import dev.syncshift.client.remote.SdkProxy;
import dev.syncshift.core.IdentityId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * Signed GraphQL requests to an AppSync API: a JSON POST to the GraphQL URL, SigV4-signed for service
 * {@code appsync} with the SDK's public {@link AwsV4HttpSigner} and the device's credentials, as AWS documents for
 * IAM-authorized AppSync calls. Signatures carry the device's clock's time, or the service's when an answer shows the
 * two minutes apart (a request refused for that is signed again at once), as the AWS SDK does for other services.
 * The requests go through the SDK's URLConnection client, as the Cognito calls do: the calling thread does the whole
 * exchange, where the JDK's HTTP client hands each request to threads of its own (about half a millisecond more per
 * request on a machine that was idle, measured against the emulator). Thread-safe.
 */
final class GraphQlCall {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(GraphQlCall.class);
    /** How far the device's clock may be from the service's before signatures use the service's time. */
    private static final int SKEW_MINUTES = 4;
    private static final String REQUEST_ID = "x-amzn-RequestId";

    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    /** What to add to the device's clock to sign with the service's time; learned from answers. */
    private volatile Duration clockCorrection = Duration.ZERO;
    /** The requests' client: the SDK's URLConnection client, as the Cognito calls', and through the same proxy. */
    private final SdkHttpClient posts;
    /** The real-time connection's: the JDK's, which has a WebSocket. */
    private final HttpClient http;
    private final @Nullable SdkProxy proxy;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final RetryStrategy retries = DefaultRetryStrategy.standardStrategyBuilder()
            .retryOnException(e -> e instanceof RetryableAnswer || e instanceof NetworkException).build();

    GraphQlCall(URI endpoint, String region, AwsCredentialsProvider credentials, Clock clock) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.clock = clock;
        this.proxy = SdkProxy.fromSdk();
        this.posts = SdkProxy.sdkHttpClient(proxy);
        this.http = SdkProxy.applyTo(HttpClient.newBuilder().connectTimeout(TIMEOUT), proxy).build();
    }

    URI endpoint() {
        return endpoint;
    }

    /** The HTTP client of the real-time connection's WebSocket, with the calls' proxy. */
    HttpClient http() {
        return http;
    }

    /** The {@code Proxy-Authorization} the WebSocket to {@code uri} carries, unsigned; null: none (SdkProxy). */
    @Nullable String proxyAuthorization(URI uri) {
        return proxy == null ? null : proxy.authorizationFor(uri);
    }

    /**
     * Posts {@code query} with {@code variables}; the HTTP status and the parsed body. A throttle (429, or the API's
     * table refusing for its throughput), a server failure (5xx), a push that lost a race with the creation of
     * another dataset of the identity, or a broken connection is retried as the AWS SDK retries (its standard
     * strategy: 3 attempts, exponential backoff with jitter, a retry budget); the last answer is returned, or the last
     * connection failure thrown as a {@link NetworkException}. A retried push is safe: it is conditional on the sync
     * count it read. Each attempt is signed with the credentials of {@code actingFor}, the identity the call is made
     * for: a logout, login or wipe since refuses it before it is sent (when the device's credentials are a Cognito
     * identity's, {@link IdentityCredentials}), where it would act for the identity that came next.
     */
    Answer post(String query, Map<String, ?> variables, IdentityId actingFor) {
        String body = body(query, variables);
        RetryToken token = retries.acquireInitialToken(AcquireInitialTokenRequest.create("appsync")).token();
        while (true) {
            Answer answer = null;
            RuntimeException failure;
            try {
                answer = send(body, actingFor);
                if (answer.status() != 429 && answer.status() < 500 && !AppSyncErrors.tableThrottled(answer)
                        && !AppSyncErrors.lostCreationRace(answer)) {
                    retries.recordSuccess(RecordSuccessRequest.create(token));
                    return answer;
                }
                failure = new RetryableAnswer(answer.status());
            } catch (NetworkException e) {
                failure = e;
            }
            try {
                RefreshRetryTokenResponse next = retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(token).failure(failure).build());
                pause(next.delay());
                token = next.token();
            } catch (TokenAcquisitionFailedException exhausted) {
                if (answer != null) {
                    return answer;
                }
                throw failure;
            }
        }
    }

    /** One attempt, signed as {@code actingFor} (null: whichever identity the credentials are now). */
    private Answer send(String body, @Nullable IdentityId actingFor) {
        Instant signedAt = signingClock().instant();
        Exchange exchange = exchange(body, actingFor);
        int status = exchange.response().statusCode();
        if (learnedTheTime(exchange.response(), signedAt) && (status == 401 || status == 403)) {
            exchange = exchange(body, actingFor);
            status = exchange.response().statusCode();
        }
        try {
            return new Answer(status, JSON.readTree(exchange.body()),
                    exchange.response().firstMatchingHeader(REQUEST_ID).orElse(null));
        } catch (IOException e) {
            throw new NetworkException("AppSync answered " + status + " with unreadable JSON", e);
        }
    }

    private Exchange exchange(String body, @Nullable IdentityId actingFor) {
        // No Content-Length: the connection then buffers the body and sets it, and can still read the body of a 401
        // (signature refused), which in streaming mode it drops.
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            HttpExecuteResponse response = posts.prepareRequest(HttpExecuteRequest.builder()
                    .request(sign(endpoint, body, credentials(actingFor)))
                    .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(bytes)).build()).call();
            String text;
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElseGet(InputStream::nullInputStream)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Exchange(response.httpResponse(), text);
        } catch (IOException | UncheckedIOException e) { // unchecked: the connection's opening, as the SDK's
            throw unreachable(e);
        }
    }

    private NetworkException unreachable(Exception thrown) {
        Throwable cause = thrown instanceof UncheckedIOException && thrown.getCause() != null ? thrown.getCause()
                : thrown;
        // The JDK's ConnectException of a refused connection may have no message: name the exception instead.
        String message = cause.getMessage();
        String why = message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
        return new NetworkException("AppSync could not be reached at " + endpoint + ": " + why, thrown);
    }

    /** An HTTP answer as it came: its status and headers, and its body as text. */
    private record Exchange(SdkHttpResponse response, String body) {
    }

    /**
     * Takes the service's time from an answer's {@code Date} when it is more than {@value #SKEW_MINUTES} minutes
     * from the time the request was signed at (the AWS SDK's rule), so that later signatures carry the service's
     * time; true when it did.
     */
    private boolean learnedTheTime(SdkHttpResponse response, Instant signedAt) {
        Instant serviceTime;
        try {
            serviceTime = response.firstMatchingHeader("Date")
                    .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .orElse(null);
        } catch (DateTimeParseException e) {
            return false;
        }
        if (serviceTime == null) {
            return false;
        }
        Duration skew = Duration.between(signedAt, serviceTime);
        if (skew.abs().compareTo(Duration.ofMinutes(SKEW_MINUTES)) <= 0) {
            return false;
        }
        clockCorrection = clockCorrection.plus(skew);
        LOG.info("the device's clock is {} s off AppSync's; signing with AppSync's time", -skew.getSeconds());
        return true;
    }

    /**
     * One small signed request, to take the service's time from its answer when the device's clock is off (a
     * real-time connection refused for its signature's time has no answer to take it from).
     */
    void checkTime() {
        send(body("query { __typename }", Map.of()), null);
    }

    /** The device's clock, corrected by what the service's answers said of its time. */
    private Clock signingClock() {
        return Clock.offset(clock, clockCorrection);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("Interrupted while waiting to retry an AppSync call", e);
        }
    }

    /** The SigV4 headers ({@code host} included) of a POST of {@code body} to {@code uri}. */
    Map<String, String> signedHeaders(URI uri, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        sign(uri, body, credentials(null)).headers()
                .forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    /** A POST of {@code body} to {@code uri}, signed. */
    private SdkHttpRequest sign(URI uri, String body, AwsCredentials resolved) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("content-type", "application/json; charset=UTF-8")
                .putHeader("accept", "application/json, text/javascript")
                .build();
        return signer.sign(r -> r.identity(identity(resolved)).request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "appsync")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock())).request();
    }

    /**
     * The credentials of {@code identity}, refused when the device's identity is another now (where the credentials
     * know it); null: whichever identity they are of now.
     */
    private AwsCredentials credentials(@Nullable IdentityId identity) {
        return identity != null && credentials instanceof IdentityCredentials bound
                ? bound.resolveCredentials(identity) : credentials.resolveCredentials();
    }

    private static AwsCredentialsIdentity identity(AwsCredentials resolved) {
        if (resolved instanceof AwsSessionCredentials session) {
            return AwsSessionCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey(),
                    session.sessionToken());
        }
        return AwsCredentialsIdentity.create(resolved.accessKeyId(), resolved.secretAccessKey());
    }

    static String body(String query, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a GraphQL request", e);
        }
    }

    /** A 429 or 5xx answer, as the retry strategy's failure. */
    private static final class RetryableAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryableAnswer(int status) {
            super("HTTP " + status, null, false, false);
        }
    }

    /**
     * An HTTP answer.
     *
     * @param status the HTTP status
     * @param body the parsed JSON body
     * @param requestId the name AppSync gave the request ({@code x-amzn-RequestId}), for a support case; null when
     *     the answer had none
     */
    record Answer(int status, JsonNode body, @Nullable String requestId) {

        JsonNode data(String field) {
            return body.path("data").path(field);
        }

        JsonNode firstError() {
            return body.path("errors").path(0);
        }

        boolean failed() {
            return status != 200 || body.path("errors").size() > 0;
        }
    }
}
