package dev.syncshift.migrator.config;

import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Holds every HTTP attempt (retries included) to its operation's rate limit and its {@link Pacing} before it is
 * sent, and tells the pacing of each attempt the service throttled.
 */
final class RateLimitInterceptor implements ExecutionInterceptor {

    /** Error types AWS's JSON services name in a throttled answer's {@code x-amzn-ErrorType}. */
    private static final List<String> THROTTLING_TYPES = List.of("ThrottlingException", "TooManyRequestsException",
            "ProvisionedThroughputExceededException", "RequestLimitExceeded");

    private final RequestRateLimiter limiter;
    private final Pacing pacing;

    RateLimitInterceptor(RequestRateLimiter limiter, Pacing pacing) {
        this.limiter = limiter;
        this.pacing = pacing;
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

    /** Whether {@code response} refuses its request for the rate: 429, or an error type that says so. */
    static boolean throttled(SdkHttpResponse response) {
        return response.statusCode() == 429 || response.firstMatchingHeader("x-amzn-ErrorType")
                .map(type -> THROTTLING_TYPES.stream().anyMatch(type::startsWith)).orElse(false);
    }
}
