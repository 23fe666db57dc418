package dev.syncshift.migrator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Holds every HTTP attempt (retries included) to its operation's rate limit and its {@link Pacing} before it is
 * sent, and tells the pacing of each attempt the service throttled. Cognito names a throttle in the
 * {@code x-amzn-ErrorType} header; DynamoDB sends no such header, only the body's {@code __type} (and, for a
 * transaction cancelled for the table's throughput, its cancellation reasons), so a 400 without the header is read.
 */
final class RateLimitInterceptor implements ExecutionInterceptor {

    /** Error types AWS's JSON services name a throttled answer with. */
    private static final List<String> THROTTLING_TYPES = List.of("ThrottlingException", "TooManyRequestsException",
            "ProvisionedThroughputExceededException", "RequestLimitExceeded");
    private static final String ERROR_TYPE = "x-amzn-ErrorType";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestRateLimiter limiter;
    private final Pacing pacing;
    private final CallStats stats;

    RateLimitInterceptor(RequestRateLimiter limiter, Pacing pacing, CallStats stats) {
        this.limiter = limiter;
        this.pacing = pacing;
        this.stats = stats;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        limiter.acquire(operation);
        pacing.acquire(operation);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (throttled(context.httpResponse())) {
            pacing.throttled(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        SdkHttpResponse response = context.httpResponse();
        if (body.isEmpty() || response.statusCode() != 400 || response.firstMatchingHeader(ERROR_TYPE).isPresent()) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = body.get()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BodyThrottle throttle = throttledBody(bytes);
        if (throttle != BodyThrottle.NONE) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            pacing.throttled(operation);
            if (throttle == BodyThrottle.CANCELLED_TRANSACTION) {
                stats.throttledUnseenByTheSdk(operation);
            }
        }
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    /** Whether {@code response} refuses its request for the rate: 429, or an error type header that says so. */
    static boolean throttled(SdkHttpResponse response) {
        return response.statusCode() == 429 || response.firstMatchingHeader(ERROR_TYPE)
                .map(type -> THROTTLING_TYPES.stream().anyMatch(type::startsWith)).orElse(false);
    }

    /** What an error body without the header says of the rate. */
    enum BodyThrottle {
        /** Not a throttle. */
        NONE,
        /** A throttling error type, which the SDK knows too. */
        ERROR_TYPE,
        /** A transaction cancelled for the table's throughput: the SDK's metrics call it a plain error. */
        CANCELLED_TRANSACTION
    }

    /**
     * Whether an error body without the header names a throttle: a {@code __type} of one (DynamoDB's are prefixed
     * {@code com.amazonaws.dynamodb.v20120810#}), or a transaction cancelled for the table's throughput.
     */
    static BodyThrottle throttledBody(byte[] body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException notJson) {
            return BodyThrottle.NONE;
        }
        String type = answer.path("__type").asText("");
        type = type.substring(type.lastIndexOf('#') + 1);
        if (THROTTLING_TYPES.contains(type)) {
            return BodyThrottle.ERROR_TYPE;
        }
        if (type.equals("TransactionCanceledException")) {
            for (JsonNode reason : answer.path("CancellationReasons")) {
                if (CancelledTransactions.THROTTLED.contains(reason.path("Code").asText())) {
                    return BodyThrottle.CANCELLED_TRANSACTION;
                }
            }
        }
        return BodyThrottle.NONE;
    }
}
