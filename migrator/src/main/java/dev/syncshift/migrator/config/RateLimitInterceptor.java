package dev.syncshift.migrator.config;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Holds every HTTP attempt (retries included) to its operation's rate limit before it is sent. */
final class RateLimitInterceptor implements ExecutionInterceptor {

    private final RequestRateLimiter limiter;

    RateLimitInterceptor(RequestRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        limiter.acquire(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
}
